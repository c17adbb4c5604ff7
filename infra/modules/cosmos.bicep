// Cosmos DB for NoSQL: the case files, the setting index, the audit log and people. Entra ID only (no
// account keys); the web app's managed identity gets the built-in Data Contributor role on the database.

@description('Azure region. UK only: see main.bicep.')
param location string

@description('Cosmos DB account name: 3-44 lowercase letters, digits and hyphens, globally unique.')
param accountName string

@description('Highest RU/s the database autoscales to (shared by its containers); it bills from a tenth of it.')
@minValue(1000)
param maxThroughput int

@description('Spread the account over the region\'s availability zones (costs more).')
param zoneRedundant bool

@description('Object id of the web app\'s managed identity.')
param appPrincipalId string

@description('Log Analytics workspace that receives the audit logs.')
param workspaceId string

param tags object

// The containers, partition keys and indexing policies, kept in one JSON file that
// test/manifest/infra.test.ts compares with CONTAINERS in bot/src/store/database.ts. With Entra ID
// the server cannot create containers (a control-plane operation), so this is where they are made.
var store = loadJsonContent('../cosmos-containers.json')

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no account management.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    // Session: a user reads their own writes; every read-modify-write also checks the ETag.
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    // Reachable from the internet, but only with an Entra ID token that holds a data-plane role
    // (keys are off). Private endpoints are not set up yet: see docs/deploy.md.
    publicNetworkAccess: 'Enabled'
    // Point-in-time restore to any second of the last 7 days. Deleted items (an abandoned review is
    // deleted for good, DESIGN.md section 2) stay restorable for those 7 days only.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
    enableFreeTier: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: store.databaseId
  properties: {
    resource: {
      id: store.databaseId
    }
    options: {
      autoscaleSettings: {
        maxThroughput: maxThroughput
      }
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in store.containers: {
    parent: database
    name: container.id
    properties: {
      resource: {
        id: container.id
        partitionKey: {
          paths: container.partitionKey.paths
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: container.indexingPolicy
      }
    }
  }
]

resource appDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: appPrincipalId
    // This database only, not the whole account.
    scope: '${account.id}/dbs/${store.databaseId}'
  }
  dependsOn: [
    database
  ]
}

resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    // Resource-specific tables (CDBDataPlaneRequests, ...) rather than AzureDiagnostics.
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseId string = store.databaseId
