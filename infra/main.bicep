// GcmBot on Azure: two App Service instances behind its load balancer, one PostgreSQL Flexible Server, Key Vault for
// secrets, a user-assigned managed identity, and the Azure Bot with its Teams channel. docs/deploy.md walks through it.
//   az deployment group create -g <group> -f infra/main.bicep -p postgresAdminPassword=<secret> [-p botAppType=SingleTenant ...]

@description('Short name used in every resource name (letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'gcmbot'

param location string = resourceGroup().location

@description('UserAssignedMSI (no secret: the bot signs in as the managed identity) or SingleTenant (an app registration and its client secret).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (kept in Key Vault).')
@secure()
param botAppPassword string = ''

@description('Administrator password of the PostgreSQL server (kept in Key Vault).')
@secure()
param postgresAdminPassword string

@description('Entra object ids of the Regional Network secretariat (organiser commands).')
param organiserObjectIds array = []

@description('How many instances serve the bot; two or more for availability and deployments without downtime.')
@minValue(1)
param instanceCount int = 2

@description('Optional: an Application Insights connection string; telemetry then goes to Azure Monitor.')
param applicationInsightsConnectionString string = ''

var suffix = uniqueString(resourceGroup().id, name)

// Standard_B1ms takes 50 connections, 35 of them for users (Azure keeps 15). Npgsql's pool opens up to 100 per
// instance, so a crowd (300 floor requests at once) would be refused connections: each instance's pool is held to its
// share of 30, leaving a few for maintenance; turns beyond it wait for a pooled connection (docs/deploy.md).
var userConnections = 30
var poolPerInstance = max(5, userConnections / instanceCount)
var tenantId = subscription().tenantId
var postgresAdmin = 'gcmbotadmin'
var databaseName = 'gcmbot'
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

// The identity reads the secrets; nothing else is granted.
resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Azure services (the App Service instances) may connect; nothing from the internet.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource connectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdmin};Password=${postgresAdminPassword};SSL Mode=Require;Maximum Pool Size=${poolPerInstance}'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (botAppType == 'SingleTenant') {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: 'P0v3'
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var appId = botAppType == 'UserAssignedMSI' ? identity.properties.clientId : botAppId
var baseSettings = [
  { name: 'MicrosoftAppType', value: botAppType }
  { name: 'MicrosoftAppId', value: appId }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'Storage__ConnectionString', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${connectionSecret.name})' }
  { name: 'PublicHost__BaseUrl', value: 'https://${name}-${suffix}.azurewebsites.net' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  // Which user-assigned identity the SDK and Azure.Identity sign in with.
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
]
var passwordSetting = botAppType == 'SingleTenant'
  ? [{ name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bot-app-password)' }]
  : []
var organiserSettings = [for (id, i) in organiserObjectIds: { name: 'Organisers__ObjectIds__${i}', value: id }]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: the load balancer sends turns only to instances whose database answers with the schema applied.
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, passwordSetting, organiserSettings)
    }
  }
  dependsOn: [
    vaultAccess
    database
    postgresFromAzure
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'S1'
  }
  properties: {
    displayName: 'GcmBot'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botAppType == 'UserAssignedMSI' ? identity.id : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botAppId string = appId
output messagingEndpoint string = bot.properties.endpoint
output webAppName string = site.name
output publicHost string = site.properties.defaultHostName
output keyVaultName string = vault.name
