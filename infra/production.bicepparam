// Production, delivering to Paradox us-production; private network isolation (virtual network, private
// endpoints, no public access to storage or Key Vault).
// Deploy (plain Azure CLI; azd uses main.parameters.json instead):
//   AZURE_LOCATION=eastus2 az deployment sub create --location eastus2 --name intalerts-prod \
//     --template-file infra/main.bicep --parameters infra/production.bicepparam
// No secret values belong here: secrets go into the Key Vault after deployment.
using 'main.bicep'

param environmentName = 'prod'
param location = readEnvironmentVariable('AZURE_LOCATION')
param networkIsolation = 'private'
param paradoxEnvironment = 'us-production'
param deliveryRetryHorizon = '1.00:00:00'
// 4 instances x (16 + 8) = at most 96 Paradox calls in flight; see docs/operators/scaling-and-concurrency.md.
param maximumInstanceCount = 4
param instanceMemoryMB = 2048
param storageSkuName = 'Standard_ZRS'
param keyVaultSoftDeleteRetentionInDays = 90
param logRetentionInDays = 90
param alertEmailAddress = 'interview-alerts-oncall@example.com'
param deliveryFailureRateThresholdPercent = 20
param deliveryFailureRateMinimumAttempts = 10
param tags = {
  costCenter: 'talent-acquisition'
}
