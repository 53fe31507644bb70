// Flex Consumption (FC1, Linux) plan and the function app. Everything the app reaches it reaches with
// its user-assigned managed identity: AzureWebJobsStorage, Key Vault (through KeyVault__VaultUri +
// SecretClient) and Application Insights (Entra ID ingestion). The platform reads and writes the deployment
// package with a second identity that only the package container trusts. With a subnet id the app runs
// inside the virtual network (private network isolation). No keys, no connection strings with keys, no
// secret values. The app's logs (FunctionAppLogs) and metrics go to Log Analytics.

@description('Function app name (also the default host name prefix).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to plan and site.')
param tags object

@description('Resource id of the app\'s user-assigned managed identity.')
param appIdentityId string

@description('Client id of the app\'s user-assigned managed identity (not a secret).')
param appIdentityClientId string

@description('Resource id of the identity the platform uses for the deployment package.')
param deploymentIdentityId string

@description('Log Analytics workspace that receives the app\'s platform logs.')
param workspaceId string

@description('Subnet (delegated to Microsoft.App/environments) the app integrates with. Empty = no virtual network integration.')
param appSubnetId string

@description('Storage account used for AzureWebJobsStorage and the deployment package.')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Key Vault URI the app reads its secrets from.')
param keyVaultUri string

@description('Application Insights component name.')
param appInsightsName string

@description('Maximum number of instances the plan scales out to (also bounds concurrent calls to Paradox).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Paradox environment the adapter calls.')
@allowed([
  'us-production'
  'us-staging'
  'us-test'
  'us-dev'
  'eu-production'
  'eu-staging'
])
param paradoxEnvironment string

@description('Optional Paradox base URL override. Empty = not set (the app derives it from paradoxEnvironment).')
param paradoxBaseUrl string

@description('How long delivery is retried before a request is dead-lettered (TimeSpan, d.hh:mm:ss).')
param deliveryRetryHorizon string

@description('OpenTelemetry service name (Application Insights cloud role name).')
param otelServiceName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var storageSuffix = environment().suffixes.storage

var baseAppSettings = {
  // Identity-based host storage: no AccountKey, no connection string.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: appIdentityClientId
  AzureWebJobsStorage__blobServiceUri: 'https://${storage.name}.blob.${storageSuffix}'
  AzureWebJobsStorage__queueServiceUri: 'https://${storage.name}.queue.${storageSuffix}'
  AzureWebJobsStorage__tableServiceUri: 'https://${storage.name}.table.${storageSuffix}'
  // Azure SDK clients in the app (ManagedIdentityCredential with this client id).
  AZURE_CLIENT_ID: appIdentityClientId
  KeyVault__VaultUri: keyVaultUri
  Paradox__Environment: paradoxEnvironment
  Delivery__RetryHorizon: deliveryRetryHorizon
  // BrassRing mappings ship in the deployment package (config/), so every deploy carries them.
  BrassRing__MappingsFile: 'config/brassring-mappings.json'
  // Application Insights with local auth disabled: Entra ID ingestion with the managed identity.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${appIdentityClientId}'
  OTEL_SERVICE_NAME: otelServiceName
}

var optionalAppSettings = empty(paradoxBaseUrl)
  ? {}
  : {
      Paradox__BaseUrl: paradoxBaseUrl
    }

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd finds the deployment target of service "api" by this tag.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
      '${deploymentIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: appIdentityId
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: 'https://${storage.name}.blob.${storageSuffix}/${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // Equal to host.json extensions.http.maxConcurrentRequests: the platform adds an instance when that many
        // requests run on one, instead of queueing more behind the host's limit (see scaling-and-concurrency.md).
        triggers: {
          http: {
            perInstanceConcurrency: 2
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(baseAppSettings, optionalAppSettings)
}

// Basic (user name / password) publishing is disabled for both FTP and SCM: deployments use Entra ID.
resource ftpPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// 2021-05-01-preview is the newest diagnosticSettings version (the linter only knows 2016-09-01 as GA).
#disable-next-line use-recent-api-versions
resource platformLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Function app name.')
output name string = site.name

@description('Default host name, e.g. <name>.azurewebsites.net')
output defaultHostName string = site.properties.defaultHostName
