// Key Vault holding the Paradox credentials and BrassRing caller secrets. Access is by Azure RBAC only
// (no access policies); soft delete and purge protection are on. Secret VALUES are never set here:
// the operator sets them after deployment (docs/operators/deployment.md).

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
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Key Vault resource id.')
output id string = vault.id

@description('Key Vault URI, e.g. https://<name>.vault.azure.net/')
output uri string = vault.properties.vaultUri
