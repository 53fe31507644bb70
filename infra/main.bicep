// Interview alerts adapter (IBM Kenexa BrassRing -> Paradox): everything one environment needs, in its own
// resource group rg-<environmentName>. Subscription scope, as azd expects (`azd up`), or by hand:
//   az deployment sub create --location <region> --template-file infra/main.bicep --parameters infra/main.bicepparam
// See docs/operators/deployment.md. No keys, connection strings with keys or secret values are created,
// passed or output here: secret VALUES go into the vault after deployment.
targetScope = 'subscription'

@description('Environment name (the azd environment name, AZURE_ENV_NAME), used in resource names: e.g. stg, prod (lowercase letters and digits).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Short workload name used in resource names (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param workloadName string = 'intalerts'

@description('Azure region for all resources (AZURE_LOCATION). Flex Consumption must be available there.')
@minLength(1)
param location string

@description('Resource group the environment lives in; created if missing.')
param resourceGroupName string = 'rg-${environmentName}'

@description('Network isolation. public: storage and Key Vault keep public endpoints (Entra ID only, no keys), see the deployment guide. private: the app runs in a virtual network and reaches storage and Key Vault through private endpoints; their public network access is off.')
@allowed([
  'public'
  'private'
])
param networkIsolation string = 'public'

@description('Address space of the virtual network (private network isolation only).')
param virtualNetworkAddressPrefix string = '10.40.0.0/16'

@description('Tags applied to every resource.')
param tags object = {}

@description('Paradox environment the adapter delivers to (Paradox__Environment).')
@allowed([
  'us-production'
  'us-staging'
  'us-test'
  'us-dev'
  'eu-production'
  'eu-staging'
])
param paradoxEnvironment string = 'us-staging'

@description('Optional Paradox base URL override (Paradox__BaseUrl). Empty = setting not created.')
param paradoxBaseUrl string = ''

@description('How long delivery is retried before a request is dead-lettered (Delivery__RetryHorizon, TimeSpan d.hh:mm:ss).')
param deliveryRetryHorizon string = '1.00:00:00'

@description('Flex Consumption maximum instance count. Upper bound of concurrent Paradox calls = this x (batchSize + newBatchThreshold); see docs/operators/scaling-and-concurrency.md.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Flex Consumption instance memory size in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Storage replication SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days a deleted Key Vault / secret is recoverable (soft delete).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Days the Log Analytics workspace keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('E-mail address of the action group that receives the alerts.')
param alertEmailAddress string

@description('Delivery failure rate threshold in percent (attempt failures / (delivered + failures) over 15 minutes).')
@minValue(1)
@maxValue(100)
param deliveryFailureRateThresholdPercent int = 20

@description('Minimum delivery attempts in 15 minutes before the failure rate is judged.')
@minValue(1)
param deliveryFailureRateMinimumAttempts int = 5

@description('Requests of one caller refused for their content in 15 minutes above which the rejection-spike alert fires.')
@minValue(1)
param rejectionSpikeThreshold int = 20

@description('Failed authentications of one caller name in 15 minutes above which the authentication-failure alert fires.')
@minValue(1)
param authenticationFailureThreshold int = 10

@description('Seconds the oldest delivery-queue message must have waited at every sample of 15 minutes for the queue-age alert to fire.')
@minValue(60)
param queueAgeThresholdSeconds int = 900

@description('Optional object id of the operator (user or group) allowed to set secret values (Key Vault Secrets Officer on the vault). azd passes the signed-in user (AZURE_PRINCIPAL_ID). Empty = none.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var suffix = uniqueString(subscription().id, resourceGroupResource.id, environmentName)
var namePrefix = '${workloadName}-${environmentName}'
var privateNetworking = networkIsolation == 'private'
var deploymentContainerName = 'app-package'
var storageAccountName = take(toLower('st${workloadName}${environmentName}${suffix}'), 24)
var keyVaultName = take('kv-${environmentName}-${suffix}', 24)
var appInsightsName = 'appi-${namePrefix}-${suffix}'
var virtualNetworkName = 'vnet-${namePrefix}-${suffix}'
var appIdentityName = 'id-${namePrefix}-${suffix}'
var deploymentIdentityName = 'id-${namePrefix}-deploy-${suffix}'
var allTags = union(tags, {
  workload: 'interview-alerts'
  environment: environmentName
})

resource resourceGroupResource 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: resourceGroupName
  location: location
  // azd finds the environment's resource group by this tag.
  tags: union(allTags, {
    'azd-env-name': environmentName
  })
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroupResource
  params: {
    appIdentityName: appIdentityName
    deploymentIdentityName: deploymentIdentityName
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroupResource
  params: {
    workspaceName: 'log-${namePrefix}-${suffix}'
    appInsightsName: appInsightsName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroupResource
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    publicNetworkAccess: !privateNetworking
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroupResource
  params: {
    name: keyVaultName
    location: location
    tags: allTags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    publicNetworkAccess: !privateNetworking
    workspaceId: monitoring.outputs.workspaceId
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  scope: resourceGroupResource
  params: {
    virtualNetworkName: virtualNetworkName
    addressPrefix: virtualNetworkAddressPrefix
    location: location
    tags: allTags
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
  }
  // Names are passed as variables: order explicitly after the resources the endpoints point at.
  dependsOn: [
    storage
    keyVault
  ]
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroupResource
  params: {
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
    appIdentityName: appIdentityName
    deploymentIdentityName: deploymentIdentityName
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // Names are passed as variables (known before deployment, so What-If stays precise): order explicitly.
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroupResource
  params: {
    name: 'func-${namePrefix}-${suffix}'
    planName: 'plan-${namePrefix}-${suffix}'
    location: location
    tags: allTags
    appIdentityId: identity.outputs.appIdentityId
    appIdentityClientId: identity.outputs.appIdentityClientId
    deploymentIdentityId: identity.outputs.deploymentIdentityId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    keyVaultUri: keyVault.outputs.uri
    appInsightsName: appInsightsName
    workspaceId: monitoring.outputs.workspaceId
    appSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    paradoxEnvironment: paradoxEnvironment
    paradoxBaseUrl: paradoxBaseUrl
    deliveryRetryHorizon: deliveryRetryHorizon
    otelServiceName: 'interview-alerts'
  }
  // The host starts as soon as the site exists: its identity must already hold the storage roles.
  dependsOn: [
    roles
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroupResource
  params: {
    namePrefix: namePrefix
    location: location
    tags: allTags
    appInsightsId: monitoring.outputs.appInsightsId
    alertEmailAddress: alertEmailAddress
    deliveryFailureRateThresholdPercent: deliveryFailureRateThresholdPercent
    deliveryFailureRateMinimumAttempts: deliveryFailureRateMinimumAttempts
    rejectionSpikeThreshold: rejectionSpikeThreshold
    authenticationFailureThreshold: authenticationFailureThreshold
    queueAgeThresholdSeconds: queueAgeThresholdSeconds
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: resourceGroupResource
  params: {
    location: location
    tags: allTags
    appInsightsId: monitoring.outputs.appInsightsId
    displayName: 'Interview alerts (${environmentName})'
  }
}

@description('Resource group of the environment (azd reads AZURE_RESOURCE_GROUP from this output).')
output AZURE_RESOURCE_GROUP string = resourceGroupResource.name

@description('Function app name (for az functionapp commands and publishing).')
output functionAppName string = functionApp.outputs.name

@description('BrassRing export URL WITHOUT the function key; append ?code=<function key> (see the deployment guide).')
output webhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/interview-alerts'

@description('Key Vault name: set Paradox--AccountId, Paradox--Secret and Callers--<name>--Secret here.')
output keyVaultName string = keyVault.outputs.name

@description('Storage account name (queues, InterviewAlertRecords table, payload and deployment containers).')
output storageAccountName string = storage.outputs.name

@description('Application Insights component name.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Client id of the app\'s user-assigned managed identity (not a secret).')
output managedIdentityClientId string = identity.outputs.appIdentityClientId
