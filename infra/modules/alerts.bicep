// Action group (email) and alert rules over the app's own metrics (meter "InterviewAlerts"), which the Azure Monitor
// OpenTelemetry exporter writes to the Application Insights table customMetrics: one row per instrument, tag set and
// export interval, with the counter total or histogram sum in valueSum, the histogram count in valueCount, the gauge
// value in value, and each tag in customDimensions. Instrument and tag names are the constants of
// src/InterviewAlerts.Core/Observability/AdapterMetrics.cs (the infrastructure tests hold them equal).
// Every dead letter fires exactly one rule: "dead letters" (rejected, poisoned) or "expiries" (expired).

@description('Name prefix for the alert resources.')
param namePrefix string

@description('Azure region of the alert rules.')
param location string

@description('Tags applied to the alert resources.')
param tags object

@description('Application Insights component the rules query (customMetrics).')
param appInsightsId string

@description('E-mail address that receives the alerts.')
param alertEmailAddress string

@description('Delivery failure rate (percent of attempts in 15 minutes) above which the failure-rate alert fires.')
@minValue(1)
@maxValue(100)
param deliveryFailureRateThresholdPercent int

@description('Minimum number of delivery attempts in the window before the failure rate is judged (avoids alerting on 1 of 1).')
@minValue(1)
param deliveryFailureRateMinimumAttempts int

@description('Requests of one caller refused for their content in 15 minutes above which the rejection-spike alert fires.')
@minValue(1)
param rejectionSpikeThreshold int

@description('Failed authentications of one caller name ("unknown" for every name not configured) in 15 minutes above which the alert fires.')
@minValue(1)
param authenticationFailureThreshold int

@description('Seconds the oldest message must have waited in the delivery queue at every sample of 15 minutes for the queue-age alert to fire.')
@minValue(60)
param queueAgeThresholdSeconds int

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

var rejectionSpikeQuery = '''
customMetrics
| where name == "interview_alerts.requests.rejected"
| extend caller = tostring(customDimensions.caller)
| summarize Rejected = sum(valueSum) by caller
'''

var deadLetterQuery = '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome), reason = tostring(customDimensions.reason)
| where outcome in ("rejected", "poisoned")
| summarize DeadLetters = sum(valueSum) by reason
'''

var expiryQuery = '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome), reason = tostring(customDimensions.reason)
| where outcome == "expired"
| summarize Expired = sum(valueSum) by reason
'''

var authenticationFailureQuery = '''
customMetrics
| where name == "interview_alerts.auth.failures"
| extend caller = tostring(customDimensions.caller)
| summarize Failures = sum(valueSum) by caller
'''

// Only when every sample of the window is old does the queue stand still: a message re-scheduled with a delay counts
// from when it was re-queued, so one sample taken just as it becomes visible is old without anything being stuck.
var queueAgeQuery = '''
customMetrics
| where name == "interview_alerts.queue.oldest_age"
| summarize OldestAgeSeconds = min(value), Samples = count()
| where Samples >= 10
'''

var failureRateQuery = '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome)
| summarize Failed = sumif(valueSum, outcome in ("retried", "expired")), Delivered = sumif(valueSum, outcome == "delivered")
| extend Attempts = Failed + Delivered
| where Attempts >= {0}
| extend FailureRatePercent = 100.0 * Failed / Attempts
'''

var rules = [
  {
    name: 'rejection-spike'
    displayName: 'Interview alert rejection spike'
    description: 'One caller had more than ${rejectionSpikeThreshold} requests refused for their content in 15 minutes (metric interview_alerts.requests.rejected, split by caller). See the workbook, "Rejections by reason and caller".'
    severity: 2
    query: rejectionSpikeQuery
    measure: 'Rejected'
    threshold: rejectionSpikeThreshold
    dimension: 'caller'
  }
  {
    name: 'dead-letters'
    displayName: 'Interview alerts dead-lettered'
    description: 'At least one interview request was rejected by Paradox or poisoned in the last 15 minutes (metric interview_alerts.deliveries, split by dead-letter reason). See docs/operators/operations.md, "Dead letters".'
    severity: 1
    query: deadLetterQuery
    measure: 'DeadLetters'
    threshold: 0
    dimension: 'reason'
  }
  {
    name: 'expiries'
    displayName: 'Interview alerts expired'
    description: 'At least one interview request expired (transient failures past the retry horizon) in the last 15 minutes (metric interview_alerts.deliveries). Paradox was unreachable or refused the credentials for the whole horizon.'
    severity: 1
    query: expiryQuery
    measure: 'Expired'
    threshold: 0
    dimension: 'reason'
  }
  {
    name: 'auth-failures'
    displayName: 'Interview alert authentication failures'
    description: 'More than ${authenticationFailureThreshold} failed authentications for one caller name in 15 minutes (metric interview_alerts.auth.failures, split by caller): a rotated secret not updated, or someone guessing.'
    severity: 2
    query: authenticationFailureQuery
    measure: 'Failures'
    threshold: authenticationFailureThreshold
    dimension: 'caller'
  }
  {
    name: 'queue-age'
    displayName: 'Interview alert delivery queue stalled'
    description: 'The oldest message in the delivery queue was older than ${queueAgeThresholdSeconds} s at every sample for 15 minutes (metric interview_alerts.queue.oldest_age): delivery is not keeping up or not running.'
    severity: 1
    query: queueAgeQuery
    measure: 'OldestAgeSeconds'
    threshold: queueAgeThresholdSeconds
    dimension: ''
  }
  {
    name: 'delivery-failure-rate'
    displayName: 'Interview alert delivery failure rate'
    description: 'Delivery attempts to Paradox failed more than ${deliveryFailureRateThresholdPercent}% of the time in the last 15 minutes (retried and expired / (delivered + retried + expired), metric interview_alerts.deliveries).'
    severity: 2
    query: format(failureRateQuery, deliveryFailureRateMinimumAttempts)
    measure: 'FailureRatePercent'
    threshold: deliveryFailureRateThresholdPercent
    dimension: ''
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: 'alert-${namePrefix}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsightsId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      // customMetrics has no rows of a metric until the app has emitted it; do not fail the deployment before that.
      skipQueryValidation: true
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: rule.measure
            operator: 'GreaterThan'
            threshold: rule.threshold
            dimensions: empty(rule.dimension)
              ? []
              : [
                  {
                    name: rule.dimension
                    operator: 'Include'
                    values: [
                      '*'
                    ]
                  }
                ]
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
]

@description('Action group resource id.')
output actionGroupId string = actionGroup.id
