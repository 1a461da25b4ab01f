/// The demo's config, dashboards and rules as text, in the formats users write: the config goes
/// through `ConfigLoader` and the rules through the rule-file loader, so both are validated exactly
/// as a user's files are.
public enum DemoBundle {
    /// File name of the rule file next to the demo's config.
    public static let ruleFileName = "demo-rules.yml"
    /// File name the demo's config is known by (in messages; it is not written).
    public static let configFileName = "demo.yml"

    /// The config for services listening at `addresses` (job name → `HOST:PORT`).
    public static func configText(addresses: [String: String]) -> String {
        var sources = ""
        for job in DemoSimulation.jobs {
            sources += "  - name: \(job)\n    url: http://\(addresses[job] ?? "127.0.0.1:1")/metrics\n"
        }
        return """
            # Vigil's built-in demo: simulated services on loopback, this machine, a dashboard and
            # rules. The ports were picked when the demo started. `vigil init` writes a starter
            # config for your own services.
            global:
              poll_interval: 2s
              evaluation_interval: 5s
              retention: 1h

            sources:
            \(sources)  - name: host
                kind: host

            rule_files: [\(ruleFileName)]

            """ + dashboards
    }

    static let dashboards = #"""
        dashboards:
          - title: Services
            rows:
              - min_height: 5
                panels:
                  - title: Requests/s
                    type: stat
                    queries: [{expr: 'sum(rate(http_requests_total[1m]))', legend: all services}]
                    unit: ops
                  - title: Errors
                    type: stat
                    queries: [{expr: '100 * sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))', legend: answered 5xx}]
                    unit: percent
                    thresholds: [{value: 1, color: yellow}, {value: 5, color: red}]
                  - title: p99 latency
                    type: stat
                    queries: [{expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))', legend: all routes}]
                    unit: seconds
                    thresholds: [{value: 0.5, color: yellow}, {value: 1, color: red}]
                  - title: Email backlog
                    type: stat
                    queries: [{expr: 'sum(vigil_queue_depth{queue="emails"})', legend: jobs waiting}]
                    unit: count
                    thresholds: [{value: 400, color: yellow}, {value: 800, color: red}]
              - height: 2
                min_height: 8
                panels:
                  - title: Requests by service
                    type: throughput
                    queries: [{expr: 'sum by (job) (rate(http_requests_total[1m]))', legend: '{{job}}'}]
                    unit: ops
                  - title: Error ratio (alert at 5%)
                    type: timeseries
                    queries: [{expr: 'job:http_requests:error_ratio', legend: '{{job}}'}]
                    min: 0
                  - title: payments latency
                    type: latency
                    query: 'http_request_duration_seconds_bucket{job="payments"}'
                    quantiles: [0.5, 0.9, 0.99]
                    unit: seconds
              - height: 2
                min_height: 8
                panels:
                  - title: Latency of every request
                    type: heatmap
                    query: http_request_duration_seconds_bucket
                    unit: seconds
                  - title: Work queues
                    type: queue
                    query: vigil_queue_depth
                    width: 1.5
                    min_width: 40
              - height: 1.5
                min_height: 6
                panels:
                  - {title: Alerts, type: alerts, width: 3}
                  - {title: Targets, type: targets, width: 2}
          - title: Processes
            rows:
              - panels:
                  - title: CPU by service
                    type: timeseries
                    queries: [{expr: 'rate(process_cpu_seconds_total[1m])', legend: '{{job}}'}]
                    unit: count
                  - title: Resident memory
                    type: timeseries
                    queries: [{expr: process_resident_memory_bytes, legend: '{{job}}'}]
                    unit: bytes
              - panels:
                  - title: Jobs in and out
                    type: throughput
                    queries:
                      - {expr: 'sum by (queue) (rate(worker_jobs_enqueued_total[1m]))', legend: 'in {{queue}}'}
                      - {expr: 'sum by (queue) (rate(worker_jobs_processed_total[1m]))', legend: 'out {{queue}}'}
                    unit: ops
                  - title: Open file descriptors
                    type: bar
                    queries: [{expr: process_open_fds, legend: '{{job}}'}]
                    unit: count
                  - title: Busiest routes
                    type: table
                    queries: [{expr: 'sum by (job, route) (rate(http_requests_total[1m]))', legend: '{{job}} {{route}}'}]
                    unit: ops
          - title: This host
            rows:
              - panels:
                  - title: CPU busy
                    type: timeseries
                    queries: [{expr: '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])))', legend: '{{instance}}'}]
                    unit: percent
                    min: 0
                    max: 100
                  - title: Memory used
                    type: timeseries
                    queries: [{expr: 'node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes', legend: '{{instance}}'}]
                    unit: bytes
                    min: 0
              - panels:
                  - title: Load
                    type: timeseries
                    queries:
                      - {expr: node_load1, legend: 1m}
                      - {expr: node_load5, legend: 5m}
                      - {expr: node_load15, legend: 15m}
                    min: 0
                  - title: Network
                    type: throughput
                    queries:
                      - {expr: 'sum(rate(node_network_receive_bytes_total{device!="lo"}[1m]))', legend: rx}
                      - {expr: 'sum(rate(node_network_transmit_bytes_total{device!="lo"}[1m]))', legend: tx}
                    unit: bytes
                  - title: Filesystem used
                    type: bar
                    queries: [{expr: '100 * (1 - node_filesystem_avail_bytes / node_filesystem_size_bytes)', legend: '{{mountpoint}}'}]
                    unit: percent
                    max: 100
                    thresholds: [{value: 80, color: yellow}, {value: 90, color: red}]

        """#

    /// The demo's rules, a Prometheus rule file as it would be on disk.
    public static let rulesText = #"""
        # Rules of Vigil's built-in demo. The payments service has an incident 20 s into every
        # 5 minutes, for a minute: HighErrorRate goes pending, fires after 30 s, and resolves once
        # the 30 s error ratio is back under 5%.
        groups:
          - name: demo-services
            interval: 5s
            rules:
              - record: job:http_requests:rate1m
                expr: sum by (job) (rate(http_requests_total[1m]))
              - record: job:http_requests:error_ratio
                expr: |
                  sum by (job) (rate(http_requests_total{code=~"5.."}[30s]))
                    / sum by (job) (rate(http_requests_total[30s]))
              - alert: HighErrorRate
                expr: job:http_requests:error_ratio > 0.05
                for: 30s
                labels:
                  severity: page
                annotations:
                  summary: '{{ $labels.job }}: {{ $value | humanizePercentage }} of requests fail'
                  description: More than 5% of the requests of {{ $labels.job }} were answered with 5xx over the last 30s.
              - alert: TargetDown
                expr: up == 0
                for: 30s
                labels:
                  severity: page
                annotations:
                  summary: '{{ $labels.job }} at {{ $labels.instance }} does not answer'
          - name: demo-queues
            interval: 5s
            rules:
              - alert: QueueBacklog
                expr: vigil_queue_depth > 800
                for: 15s
                labels:
                  severity: ticket
                annotations:
                  summary: '{{ $labels.queue }}: {{ $value }} jobs waiting'
                  description: The {{ $labels.queue }} queue has more than 800 jobs waiting; its consumers cannot keep up.

        """#
}
