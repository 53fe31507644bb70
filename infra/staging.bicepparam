// Staging, delivering to Paradox us-staging; public network isolation (see the deployment guide).
// Deploy (plain Azure CLI; azd uses main.parameters.json instead):
//   AZURE_LOCATION=eastus2 az deployment sub create --location eastus2 --name intalerts-stg \
//     --template-file infra/main.bicep --parameters infra/staging.bicepparam
// No secret values belong here: secrets go into the Key Vault after deployment.
using 'main.bicep'

param environmentName = 'stg'
param location = readEnvironmentVariable('AZURE_LOCATION')
param networkIsolation = 'public'
param paradoxEnvironment = 'us-staging'
param deliveryRetryHorizon = '1.00:00:00'
param maximumInstanceCount = 2
param instanceMemoryMB = 2048
param storageSkuName = 'Standard_LRS'
param logRetentionInDays = 30
param alertEmailAddress = 'interview-alerts-oncall@example.com'
param deliveryFailureRateThresholdPercent = 20
param tags = {
  costCenter: 'talent-acquisition'
}
