// Interview alerts adapter (IBM Kenexa BrassRing -> Paradox): everything one environment needs,
// in one resource group. Deploy with
//   az deployment group create -g <rg> --template-file infra/main.bicep --parameters infra/main.bicepparam
// See docs/operators/deployment.md. No keys, connection strings with keys or secret values are created,
// passed or output here: secret VALUES go into the vault after deployment.
targetScope = 'resourceGroup'

@description('Short environment name used in resource names, e.g. stg, prod (lowercase letters and digits).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Short workload name used in resource names (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param workloadName string = 'intalerts'

@description('Azure region for all resources. Flex Consumption must be available there.')
param location string = resourceGroup().location

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

@description('Optional object id of the operator (user or group) allowed to set secret values (Key Vault Secrets Officer on the vault). Empty = none.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var namePrefix = '${workloadName}-${environmentName}'
var deploymentContainerName = 'app-package'
var storageAccountName = take(toLower('st${workloadName}${environmentName}${suffix}'), 24)
var keyVaultName = take('kv-${environmentName}-${suffix}', 24)
var appInsightsName = 'appi-${namePrefix}-${suffix}'
var allTags = union(tags, {
  workload: 'interview-alerts'
  environment: environmentName
})

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${namePrefix}-${suffix}'
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: allTags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${namePrefix}-${suffix}'
    appInsightsName: appInsightsName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
    // Known lint warning (what-if-short-circuiting): a new identity's principal id exists only at deployment
    // time, and role assignment names must be guid(scope.id, principalId, roleDefinitionId).
    principalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // Names are passed as variables (known before deployment, so What-If stays precise): order explicitly.
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-${namePrefix}-${suffix}'
    planName: 'plan-${namePrefix}-${suffix}'
    location: location
    tags: allTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    keyVaultUri: keyVault.outputs.uri
    appInsightsName: appInsightsName
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
  params: {
    namePrefix: namePrefix
    location: location
    tags: allTags
    workspaceId: monitoring.outputs.workspaceId
    alertEmailAddress: alertEmailAddress
    deliveryFailureRateThresholdPercent: deliveryFailureRateThresholdPercent
    deliveryFailureRateMinimumAttempts: deliveryFailureRateMinimumAttempts
  }
}

@description('Function app name (for az functionapp commands and publishing).')
output functionAppName string = functionApp.outputs.name

@description('BrassRing export URL WITHOUT the function key; append ?code=<function key> (see the deployment guide).')
output webhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/interview-alerts'

@description('Key Vault name: set Paradox--AccountId, Paradox--Secret and BrassRing--CallerSecrets--<username> here.')
output keyVaultName string = keyVault.outputs.name

@description('Storage account name (queues, InterviewAlertRecords table, payload and deployment containers).')
output storageAccountName string = storage.outputs.name

@description('Application Insights component name.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Client id of the app\'s user-assigned managed identity (not a secret).')
output managedIdentityClientId string = identity.outputs.clientId
