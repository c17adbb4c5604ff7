// Log Analytics workspace and workspace-based Application Insights: where the server's traces, the
// App Service logs and the audit logs of the data stores go.

@description('Azure region. UK only: see main.bicep.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days the workspace keeps logs (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Reading logs needs an Azure role on the workspace or the resource, not workspace-wide keys.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Client IP addresses are masked (the default, kept explicit): they are personal data and the
    // service does not need them.
    DisableIpMasking: false
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output workspaceId string = workspace.id
// A connection string identifies where telemetry goes; it is not a credential that reads data.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
