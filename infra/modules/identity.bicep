// Two user-assigned managed identities, no keys anywhere:
//   app        - what the Functions host and the adapter's code use: AzureWebJobsStorage, the app's queues,
//                table and payload container, Key Vault and Application Insights ingestion.
//   deployment - what the Flex Consumption platform uses to write and read the deployment package in the
//                app-package container. Only this one may write there, so the app's own identity cannot
//                replace the code it runs.

@description('Name of the app\'s (run-time) user-assigned managed identity.')
param appIdentityName string

@description('Name of the identity that reads and writes the Flex Consumption deployment package.')
param deploymentIdentityName string

@description('Azure region.')
param location string

@description('Tags applied to the identities.')
param tags object

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: appIdentityName
  location: location
  tags: tags
}

resource deploymentIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: deploymentIdentityName
  location: location
  tags: tags
}

@description('Resource id of the app identity.')
output appIdentityId string = appIdentity.id

@description('Client (application) id of the app identity: used in app settings; not a secret.')
output appIdentityClientId string = appIdentity.properties.clientId

@description('Resource id of the deployment identity.')
output deploymentIdentityId string = deploymentIdentity.id
