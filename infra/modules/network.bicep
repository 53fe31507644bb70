// Private network isolation: a virtual network with a subnet the Flex Consumption app integrates with
// (delegated to Microsoft.App/environments) and a subnet for private endpoints of storage (blob, queue,
// table) and Key Vault, each with its private DNS zone linked to the network, so the app resolves the
// services' usual host names to private addresses. The app subnet reaches the internet (Paradox, Application
// Insights ingestion) through a NAT gateway: explicit outbound access with one fixed public address, since new
// subnets have no default outbound access. Deployed only when networkIsolation is 'private'.

@description('Virtual network name.')
param virtualNetworkName string

@description('Address space of the virtual network; the app and endpoint subnets are its first two /24s.')
param addressPrefix string

@description('Azure region.')
param location string

@description('Tags applied to the network resources.')
param tags object

@description('Storage account that gets blob, queue and table private endpoints.')
param storageAccountName string

@description('Key Vault that gets a private endpoint.')
param keyVaultName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

var appSubnetName = 'app'
var endpointSubnetName = 'private-endpoints'
var endpoints = [
  {
    groupId: 'blob'
    zone: 'privatelink.blob.${environment().suffixes.storage}'
    resourceName: storageAccountName
  }
  {
    groupId: 'queue'
    zone: 'privatelink.queue.${environment().suffixes.storage}'
    resourceName: storageAccountName
  }
  {
    groupId: 'table'
    zone: 'privatelink.table.${environment().suffixes.storage}'
    resourceName: storageAccountName
  }
  {
    groupId: 'vault'
    // Key Vault's private link zone is privatelink.vaultcore.<cloud suffix>, not privatelink.vault.<suffix>.
    zone: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
    resourceName: keyVaultName
  }
]

resource outboundAddress 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: 'pip-${virtualNetworkName}-outbound'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2025-05-01' = {
  name: 'ng-${virtualNetworkName}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: outboundAddress.id
      }
    ]
  }
}

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          defaultOutboundAccess: false
          natGateway: {
            id: natGateway.id
          }
          // Flex Consumption virtual network integration needs this delegation.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: endpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          defaultOutboundAccess: false
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource endpointSubnet 'subnets' existing = {
    name: endpointSubnetName
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for endpoint in endpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (endpoint, i) in endpoints: {
    parent: zones[i]
    name: virtualNetworkName
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetwork.id
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2025-05-01' = [
  for endpoint in endpoints: {
    name: 'pe-${endpoint.resourceName}-${endpoint.groupId}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: virtualNetwork::endpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.groupId
          properties: {
            privateLinkServiceId: endpoint.groupId == 'vault' ? vault.id : storage.id
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.groupId
          properties: {
            privateDnsZoneId: zones[i].id
          }
        }
      ]
    }
  }
]

@description('The app\'s fixed outbound public address (for allow-lists at Paradox, if asked).')
output outboundIpAddress string = outboundAddress.properties.ipAddress

@description('Resource id of the subnet the function app integrates with.')
output appSubnetId string = virtualNetwork::appSubnet.id
