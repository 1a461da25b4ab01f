/// The config `vigil init` writes: this machine as the one live source, every other section shown
/// as commented examples, so it passes `vigil check` as written and grows by uncommenting.
enum StarterConfig {
    static let text = #"""
        # Vigil configuration, written by `vigil init`.
        # Check it with `vigil check`, then run `vigil` in this folder (or `vigil --config FILE`).
        # Every key is described in docs/CONFIG.md. Durations: 500ms, 15s, 1m30s, 6h.
        # Sizes: bytes, KB/MB/GB (powers of 1000) or KiB/MiB/GiB (powers of 1024).

        global:
          poll_interval: 15s          # how often each source is polled, unless it says otherwise
          timeout: 10s                # per poll, at most the poll interval
          retention: 6h               # how long samples stay in memory
          # memory_limit: 512MiB      # a cap on sample memory; the oldest history goes first
          # evaluation_interval: 15s  # alert and recording rules (default: poll_interval)
          # external_labels: {region: eu-west-1}

        theme: default                # default, dark, light, mono, high_contrast

        sources:
          # This machine: CPU, memory, load, network, disks (node_exporter's metric names).
          - name: host
            kind: host

          # A Prometheus /metrics endpoint. The name becomes the job label.
          # - name: api
          #   url: http://127.0.0.1:8080/metrics
          #   interval: 5s

          # Several instances of one job, with credentials read when they are used.
          # - name: web
          #   targets: ["10.0.0.1:9100", "10.0.0.2:9100"]
          #   basic_auth: {username: vigil, password_env: WEB_METRICS_PASSWORD}

          # Queue depths: Redis lists (or preset: celery, sidekiq, rq, bullmq), RabbitMQ's
          # management API, NATS JetStream monitoring, beanstalkd.
          # - name: jobs
          #   url: redis://127.0.0.1:6379/0
          #   redis: {keys: [emails, thumbnails]}
          # - name: broker
          #   url: rabbitmq://127.0.0.1:15672/
          #   basic_auth: {username: guest, password_env: RABBITMQ_PASSWORD}
          # - name: stream
          #   url: nats://127.0.0.1:8222

          # A Prometheus server's HTTP API: one query's result, with back-filled history.
          # - name: fleet
          #   url: prometheus://127.0.0.1:9090
          #   prometheus_api: {query: 'sum by (job) (up)', step: 30s}

        # Prometheus rule files, as they are; globs relative to this file.
        # rule_files: [rules/*.yml]

        # Where firing alerts go (the dashboard always shows them).
        # notifiers:
        #   - kind: alertmanager
        #     url: http://127.0.0.1:9093

        # Without dashboards, Vigil builds an overview from what the sources expose.
        # dashboards:
        #   - title: Overview
        #     rows:
        #       - panels:
        #           - title: Requests
        #             type: throughput
        #             query: sum by (code) (rate(http_requests_total[1m]))
        #           - title: Latency
        #             type: latency
        #             query: http_request_duration_seconds_bucket
        #             quantiles: [0.5, 0.9, 0.99]
        #       - panels:
        #           - {title: Alerts, type: alerts}
        #           - {title: Targets, type: targets}

        """#
}
