// Key Vault holding the Paradox credentials and BrassRing caller secrets. Access is by Azure RBAC only
// (no access policies); soft delete and purge protection are on. Secret VALUES are never set here:
// the operator sets them after deployment (docs/operators/deployment.md). Every data-plane call is audited
// to Log Analytics. With public network access off, only the private endpoint (network.bicep) reaches it.

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Days a deleted vault or secret is kept before it can be purged.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('true: reachable on its public endpoint (Entra ID + RBAC still required); false: private endpoint only.')
param publicNetworkAccess bool

@description('Log Analytics workspace that receives the audit log.')
param workspaceId string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    // Public mode: the Flex Consumption app has no fixed outbound addresses and is not a trusted service for
    // Key Vault, so a Deny rule would lock the app out; private mode denies everything but the endpoint.
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
    }
  }
}

// 2021-05-01-preview is the newest diagnosticSettings version (the linter only knows 2016-09-01 as GA).
#disable-next-line use-recent-api-versions
resource auditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
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

@description('Key Vault name.')
output name string = vault.name

@description('Key Vault resource id.')
output id string = vault.id

@description('Key Vault URI, e.g. https://<name>.vault.azure.net/')
output uri string = vault.properties.vaultUri
