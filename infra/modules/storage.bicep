// Storage account for the Functions host (AzureWebJobsStorage, identity-based), the app's queues,
// request records table, large-payload and dead-letter containers and the Flex Consumption deployment container.
// Shared key access is disabled: every client authenticates with Microsoft Entra ID. Blob, queue and table
// logs go to Log Analytics. With public network access off, only the private endpoints (network.bicep) reach it.

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Replication SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Days a deleted blob (e.g. a large request payload) can still be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('true: reachable on its public endpoints (Entra ID + RBAC still required); false: private endpoints only.')
param publicNetworkAccess bool

@description('Log Analytics workspace that receives the blob, queue and table logs.')
param workspaceId string

// Names fixed by the application code (see docs/operators/deployment.md).
var queueNames = [
  'interview-alerts'
  'interview-alerts-poison'
]
var tableNames = [
  'InterviewAlertRecords'
]
// azure-webjobs-hosts (leases, timer status) and azure-webjobs-secrets (function keys) are the Functions
// host's own; created here so the host's identity needs rights on those two containers only.
var containerNames = [
  'interview-alert-payloads'
  'dead-letters'
  deploymentContainerName
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    // Public mode: a Flex Consumption app without virtual network integration reaches storage from shared,
    // changing outbound addresses and is not a trusted service, so a Deny rule would stop the host;
    // private mode denies everything but the private endpoints.
    networkAcls: {
      bypass: 'AzureServices, Logging, Metrics'
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Every read, write and delete on blobs, queues and tables, to Log Analytics (StorageBlobLogs, StorageQueueLogs,
// StorageTableLogs).
var storageLogs = [
  {
    category: 'StorageRead'
    enabled: true
  }
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]

// 2021-05-01-preview is the newest diagnosticSettings version (the linter only knows 2016-09-01 as GA).
#disable-next-line use-recent-api-versions
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// 2021-05-01-preview is the newest diagnosticSettings version (the linter only knows 2016-09-01 as GA).
#disable-next-line use-recent-api-versions
resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// 2021-05-01-preview is the newest diagnosticSettings version (the linter only knows 2016-09-01 as GA).
#disable-next-line use-recent-api-versions
resource tableLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('Storage account name.')
output name string = account.name

@description('Storage account resource id.')
output id string = account.id

@description('Blob endpoint, e.g. https://<name>.blob.<suffix>/')
output blobEndpoint string = account.properties.primaryEndpoints.blob
