// Least-privilege role assignments, each scoped to the one container, queue, table or resource it is needed
// on (never the storage account, resource group or subscription). Names are
// guid(scope.id, identity id, roleDefinitionId): deterministic, so redeploying is idempotent.
//
// App identity (Functions host + adapter code):
//   Storage Blob Data Owner         azure-webjobs-hosts, azure-webjobs-secrets  host leases, timer status, function keys
//   Storage Blob Data Contributor   interview-alert-payloads                    large request payloads
//   Storage Blob Data Contributor   dead-letters                                dead letters (write, read, replay, discard)
//   Storage Queue Data Contributor  each of the two queues                      trigger, enqueue, poison
//   Storage Table Data Contributor  InterviewAlertRecords                       idempotency and request records
//   Key Vault Secrets User          the vault                                   read Paradox--* / BrassRing--* secrets
//   Monitoring Metrics Publisher    Application Insights                        Entra ID ingestion
// Deployment identity (Flex Consumption platform):
//   Storage Blob Data Contributor   app-package                                 write and read the deployment package
// Operator (optional):
//   Key Vault Secrets Officer       the vault                                   set secret values

@description('Storage account the app uses.')
param storageAccountName string

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Key Vault the app reads secrets from.')
param keyVaultName string

@description('Application Insights component the app sends telemetry to.')
param appInsightsName string

@description('Name of the app\'s user-assigned managed identity.')
param appIdentityName string

@description('Name of the identity that reads and writes the deployment package.')
param deploymentIdentityName string

@description('Optional: object id of a user or group that may set secret values in the vault (Key Vault Secrets Officer). Empty = no assignment.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]
var queueNames = [
  'interview-alerts'
  'interview-alerts-poison'
]

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource deploymentIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: deploymentIdentityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource payloadContainer 'containers' existing = {
      name: 'interview-alert-payloads'
    }

    resource deadLetterContainer 'containers' existing = {
      name: 'dead-letters'
    }

    resource deploymentContainer 'containers' existing = {
      name: deploymentContainerName
    }
  }

  resource queueService 'queueServices' existing = {
    name: 'default'
  }

  resource tableService 'tableServices' existing = {
    name: 'default'

    resource recordsTable 'tables' existing = {
      name: 'InterviewAlertRecords'
    }
  }
}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for name in hostContainerNames: {
    parent: storage::blobService
    name: name
  }
]

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' existing = [
  for name in queueNames: {
    parent: storage::queueService
    name: name
  }
]

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var storageBlobDataOwnerRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
)
var storageBlobDataContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
)
var storageQueueDataContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
)
var storageTableDataContributorRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
)
var keyVaultSecretsUserRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)
var monitoringMetricsPublisherRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '3913510d-42f4-4e42-8a64-420c390055eb'
)
var keyVaultSecretsOfficerRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
)

resource hostContainerOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in hostContainerNames: {
    name: guid(hostContainers[i].id, appIdentity.id, storageBlobDataOwnerRoleId)
    scope: hostContainers[i]
    properties: {
      roleDefinitionId: storageBlobDataOwnerRoleId
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource payloadContainerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::payloadContainer.id, appIdentity.id, storageBlobDataContributorRoleId)
  scope: storage::blobService::payloadContainer
  properties: {
    roleDefinitionId: storageBlobDataContributorRoleId
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deadLetterContainerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, appIdentity.id, storageBlobDataContributorRoleId)
  scope: storage::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: storageBlobDataContributorRoleId
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in queueNames: {
    name: guid(queues[i].id, appIdentity.id, storageQueueDataContributorRoleId)
    scope: queues[i]
    properties: {
      roleDefinitionId: storageQueueDataContributorRoleId
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource recordsTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::tableService::recordsTable.id, appIdentity.id, storageTableDataContributorRoleId)
  scope: storage::tableService::recordsTable
  properties: {
    roleDefinitionId: storageTableDataContributorRoleId
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisherRoleId
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deploymentContainerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deploymentContainer.id, deploymentIdentity.id, storageBlobDataContributorRoleId)
  scope: storage::blobService::deploymentContainer
  properties: {
    roleDefinitionId: storageBlobDataContributorRoleId
    principalId: deploymentIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsOfficerRoleId
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
