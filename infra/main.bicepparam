// Example: the staging environment, delivering to Paradox us-staging.
// Deploy: az deployment group create -g rg-intalerts-stg --template-file infra/main.bicep --parameters infra/main.bicepparam
// No secret values belong here: secrets go into the Key Vault after deployment.
using 'main.bicep'

param environmentName = 'stg'
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
