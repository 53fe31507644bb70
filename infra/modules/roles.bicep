// Least-privilege role assignments for the app's user-assigned identity, each scoped to the one
// resource it needs (never the resource group or subscription). Names are
// guid(scope.id, principalId, roleDefinitionId): deterministic, so redeploying is idempotent.
//
// Built-in role definition ids (the same in every tenant):
//   Storage Blob Data Owner         b7e6dc6d-f1e8-4753-8033-0f276bb0955b  host leases/secrets, payloads, deployment package
//   Storage Queue Data Contributor  974c5e8b-45b9-4653-ba55-5f855dd0fb88  triggers, poison queue creation, dead letters
//   Storage Table Data Contributor  0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3  InterviewAlertRecords
//   Key Vault Secrets User          4633458b-17de-408a-b874-0445c86b69e6  read Paradox--* / BrassRing--* secrets
//   Monitoring Metrics Publisher    3913510d-42f4-4e42-8a64-420c390055eb  Entra ID ingestion into Application Insights
//   Key Vault Secrets Officer       b86a8fe4-44ce-4948-aee5-eccb2c155cd7  optional: the operator who sets secret values

@description('Storage account the app uses.')
param storageAccountName string

@description('Key Vault the app reads secrets from.')
param keyVaultName string

@description('Application Insights component the app sends telemetry to.')
param appInsightsName string

@description('Object (principal) id of the app\'s user-assigned managed identity.')
param principalId string

@description('Optional: object id of a user or group that may set secret values in the vault (Key Vault Secrets Officer). Empty = no assignment.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

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

resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageBlobDataOwnerRoleId)
  scope: storage
  properties: {
    roleDefinitionId: storageBlobDataOwnerRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageQueueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: storageQueueDataContributorRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: storageTableDataContributorRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisherRoleId
    principalId: principalId
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
