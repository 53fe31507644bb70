// User-assigned managed identity used by the function app for storage (AzureWebJobsStorage and the
// Flex deployment container), Key Vault and Application Insights ingestion. No keys anywhere.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client (application) id of the identity: used in app settings; not a secret.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity: used in role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
