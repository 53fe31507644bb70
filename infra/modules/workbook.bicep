// The operators' Azure Monitor workbook over the app's own metrics (meter "InterviewAlerts") in Application Insights
// customMetrics: counters sum valueSum; histograms carry valueSum, valueCount, valueMin and valueMax per export interval
// (no buckets), so latency percentiles are percentiles of the per-interval means, weighted by their counts; the
// queue-age gauge is in value. Instrument and tag names are the constants of
// src/InterviewAlerts.Core/Observability/AdapterMetrics.cs (the infrastructure tests hold them equal).

@description('Azure region of the workbook.')
param location string

@description('Tags applied to the workbook.')
param tags object

@description('Application Insights component the workbook reads.')
param appInsightsId string

@description('Display name of the workbook.')
param displayName string

var queries = [
  {
    title: 'Requests accepted and rejected'
    visualization: 'timechart'
    query: '''
customMetrics
| where name in ("interview_alerts.requests.accepted", "interview_alerts.requests.rejected")
| extend answer = iff(name == "interview_alerts.requests.accepted", "accepted", "rejected")
| summarize Requests = sum(valueSum) by answer, bin(timestamp, {TimeRange:grain})
'''
  }
  {
    title: 'Rejections by reason and caller'
    visualization: 'table'
    query: '''
customMetrics
| where name == "interview_alerts.requests.rejected"
| extend reason = tostring(customDimensions.reason), caller = tostring(customDimensions.caller), shape = tostring(customDimensions.shape), manifest = tostring(customDimensions.manifest)
| summarize Rejected = sum(valueSum) by reason, caller, shape, manifest
| order by Rejected desc
'''
  }
  {
    title: 'Accepted by caller, shape and manifest'
    visualization: 'table'
    query: '''
customMetrics
| where name == "interview_alerts.requests.accepted"
| extend caller = tostring(customDimensions.caller), shape = tostring(customDimensions.shape), manifest = tostring(customDimensions.manifest)
| summarize Accepted = sum(valueSum) by caller, shape, manifest
| order by Accepted desc
'''
  }
  {
    title: 'Authentication failures by caller'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "interview_alerts.auth.failures"
| extend caller = tostring(customDimensions.caller)
| summarize Failures = sum(valueSum) by caller, bin(timestamp, {TimeRange:grain})
'''
  }
  {
    title: 'Delivery outcomes'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome)
| summarize Deliveries = sum(valueSum) by outcome, bin(timestamp, {TimeRange:grain})
'''
  }
  {
    title: 'Delivery outcomes by Paradox status'
    visualization: 'table'
    query: '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome), paradox_status = tostring(customDimensions.paradox_status)
| summarize Deliveries = sum(valueSum) by outcome, paradox_status
| order by Deliveries desc
'''
  }
  {
    title: 'Acceptance to Paradox answer (seconds; percentiles of per-minute means, and the true maximum)'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "interview_alerts.delivery.time_to_paradox" and valueCount > 0
| summarize (P50, P95, P99) = percentilesw(valueSum / valueCount, toint(valueCount), 50, 95, 99), Max = max(valueMax) by bin(timestamp, {TimeRange:grain})
'''
  }
  {
    title: 'Attempts per ended request'
    visualization: 'table'
    query: '''
customMetrics
| where name == "interview_alerts.delivery.attempts" and valueCount > 0
| extend outcome = tostring(customDimensions.outcome)
| summarize Requests = sum(valueCount), MeanAttempts = round(sum(valueSum) / sum(valueCount), 2), MaxAttempts = max(valueMax) by outcome
'''
  }
  {
    title: 'Dead letters by reason'
    visualization: 'table'
    query: '''
customMetrics
| where name == "interview_alerts.deliveries"
| extend outcome = tostring(customDimensions.outcome), reason = tostring(customDimensions.reason)
| where outcome in ("rejected", "expired", "poisoned")
| summarize DeadLetters = sum(valueSum) by reason, outcome
| order by DeadLetters desc
'''
  }
  {
    title: 'Oldest queued message (seconds)'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "interview_alerts.queue.oldest_age"
| summarize OldestAgeSeconds = max(value) by bin(timestamp, {TimeRange:grain})
'''
  }
]

var timeRangeParameter = {
  type: 9
  name: 'parameters'
  content: {
    version: 'KqlParameterItem/1.0'
    parameters: [
      {
        id: 'time-range'
        version: 'KqlParameterItem/1.0'
        name: 'TimeRange'
        label: 'Time range'
        type: 4
        isRequired: true
        value: {
          durationMs: 86400000
        }
        typeSettings: {
          selectableValues: [
            { durationMs: 3600000 }
            { durationMs: 14400000 }
            { durationMs: 86400000 }
            { durationMs: 604800000 }
            { durationMs: 2592000000 }
          ]
        }
      }
    ]
  }
}

var workbookContent = {
  version: 'Notebook/1.0'
  items: concat(
    [
      {
        type: 1
        name: 'about'
        content: {
          json: '## Interview alerts\nRequests in and out of the adapter, from its own metrics. Alert thresholds and the meaning of each metric: docs/operators/operations.md.'
        }
      }
      timeRangeParameter
    ],
    map(queries, (item, index) => {
      type: 3
      name: 'query-${index}'
      content: {
        version: 'KqlItem/1.0'
        title: item.title
        query: item.query
        size: 0
        queryType: 0
        resourceType: 'microsoft.insights/components'
        timeContextFromParameter: 'TimeRange'
        visualization: item.visualization
      }
    })
  )
  fallbackResourceIds: [
    appInsightsId
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'interview-alerts-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string(workbookContent)
  }
}

@description('Workbook resource id.')
output workbookId string = workbook.id
