// Action group (email) and log alert rules over the app's OpenTelemetry logs in the workspace
// (table AppTraces). The message texts are the ones the app logs:
//   "Interview alert {TrackingId} dead-lettered: {Reason}"
//   "Interview alert {TrackingId} poisoned"
//   "Interview alert {TrackingId} delivered"
//   "Interview alert {TrackingId} delivery attempt failed"

@description('Name prefix for the alert resources.')
param namePrefix string

@description('Azure region of the alert rules.')
param location string

@description('Tags applied to the alert resources.')
param tags object

@description('Log Analytics workspace the rules query.')
param workspaceId string

@description('E-mail address that receives the alerts.')
param alertEmailAddress string

@description('Delivery failure rate (percent of attempts in 15 minutes) above which the failure-rate alert fires.')
@minValue(1)
@maxValue(100)
param deliveryFailureRateThresholdPercent int

@description('Minimum number of delivery attempts in the window before the failure rate is judged (avoids alerting on 1 of 1).')
@minValue(1)
param deliveryFailureRateMinimumAttempts int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(namePrefix, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

var deadLetterQuery = '''
AppTraces
| where Message startswith "Interview alert "
| where Message has "dead-lettered:" or Message endswith " poisoned"
| project TimeGenerated, Message, AppRoleName, OperationId
'''

var failureRateQuery = '''
AppTraces
| where Message startswith "Interview alert "
| extend Outcome = case(Message endswith " delivery attempt failed", "failed", Message endswith " delivered", "delivered", "")
| where Outcome != ""
| summarize Failed = countif(Outcome == "failed"), Delivered = countif(Outcome == "delivered")
| extend Attempts = Failed + Delivered
| where Attempts >= {0}
| extend FailureRatePercent = 100.0 * Failed / Attempts
'''

resource deadLetteredOrPoisoned 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-dead-lettered-or-poisoned'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Interview alerts dead-lettered or poisoned'
    description: 'At least one interview request was dead-lettered or poisoned in the last 15 minutes. See docs/operators/deployment.md, "Dead letters".'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    // AppTraces only exists once the app has logged something; do not fail the deployment before that.
    skipQueryValidation: true
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: deadLetterQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource deliveryFailureRate 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-delivery-failure-rate'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Interview alert delivery failure rate'
    description: 'Delivery attempts to Paradox failed more than ${deliveryFailureRateThresholdPercent}% of the time in the last 15 minutes (failed / (delivered + failed)).'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    skipQueryValidation: true
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: format(failureRateQuery, deliveryFailureRateMinimumAttempts)
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'FailureRatePercent'
          operator: 'GreaterThan'
          threshold: deliveryFailureRateThresholdPercent
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

@description('Action group resource id.')
output actionGroupId string = actionGroup.id
