// The one server (bot at /api/messages, the tab's REST API at /api/..., the built tab's static files,
// background jobs): a Linux App Service on Node 24 LTS with a system-assigned managed identity.
// App settings are set by app-settings.bicep, after the identity has its roles on the data stores.

@description('Azure region. UK only: see main.bicep.')
param location string

param planName string
param siteName string

@description('App Service plan SKU. B1 is enough for a pilot; P0v3 or above for autoscale and more instances.')
param planSku string

@description('Log Analytics workspace that receives the App Service logs.')
param workspaceId string

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No in-memory state is shared between instances (DESIGN.md section 5), so no sticky sessions.
    clientAffinityEnabled: false
    // The bot endpoint must be reachable by the Bot Connector service, and the tab by Teams clients.
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The server itself. Not `npm start`: that is the local demo (it rebuilds the tab and starts
      // the Agents Playground). Node 24 runs the TypeScript sources directly.
      appCommandLine: 'node bot/src/main.ts'
      // Background jobs (deadline sweep, outbox dispatch) run in this process: keep it loaded.
      alwaysOn: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      remoteDebuggingEnabled: false
    }
  }
}

// No FTP and no basic-auth deployment: the Agents Toolkit deploys with an Entra ID token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
