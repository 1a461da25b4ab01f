/// The simulation as each service's `/metrics` page: Prometheus text format 0.0.4.
extension DemoSimulation {
    /// The page of `job` (a service name or `worker`), or nil for an unknown job.
    func exposition(_ job: String) -> [UInt8]? {
        var w = DemoExpositionWriter()
        if let service = services.first(where: { $0.model.name == job }) {
            write(service, into: &w)
            writeProcess(service.process, into: &w)
        } else if job == "worker" {
            writeQueues(into: &w)
            writeProcess(worker, into: &w)
        } else {
            return nil
        }
        return w.bytes
    }

    private func write(_ s: ServiceState, into w: inout DemoExpositionWriter) {
        w.family("http_requests_total", "counter", "Requests handled, by route, method and status code.")
        for (r, route) in s.model.routes.enumerated() {
            let codes = ["200", route.method == "GET" ? "404" : "400", "500", "503"]
            for (slot, code) in codes.enumerated() {
                w.sample("http_requests_total", [("code", code), ("method", route.method), ("route", route.path)], s.requests[r][slot])
            }
        }
        w.family("http_request_duration_seconds", "histogram", "Time to answer a request, by route.")
        for (r, route) in s.model.routes.enumerated() {
            for (j, le) in DemoServiceModel.buckets.enumerated() {
                w.sample("http_request_duration_seconds_bucket", [("route", route.path), ("le", DemoExpositionWriter.number(le))], s.buckets[r][j])
            }
            let count = s.buckets[r][DemoServiceModel.buckets.count]
            w.sample("http_request_duration_seconds_bucket", [("route", route.path), ("le", "+Inf")], count)
            w.sample("http_request_duration_seconds_sum", [("route", route.path)], s.durationSum[r])
            w.sample("http_request_duration_seconds_count", [("route", route.path)], count)
        }
        w.family("http_requests_in_flight", "gauge", "Requests being answered right now.")
        w.sample("http_requests_in_flight", [], s.inflight.rounded())
    }

    private func writeQueues(into w: inout DemoExpositionWriter) {
        let labels = { (q: QueueState) in [("system", "demo"), ("queue", q.name)] }
        w.family("vigil_queue_depth", "gauge", "Jobs waiting in the queue.")
        for q in queues { w.sample("vigil_queue_depth", labels(q), q.depth) }
        w.family("vigil_queue_consumers", "gauge", "Workers taking jobs from the queue.")
        for q in queues { w.sample("vigil_queue_consumers", labels(q), q.consumers) }
        w.family("vigil_queue_in_rate", "gauge", "Jobs per second entering the queue (last 5 s).")
        for q in queues { w.sample("vigil_queue_in_rate", labels(q), q.recentIn.reduce(0, +) / 5) }
        w.family("vigil_queue_out_rate", "gauge", "Jobs per second finished (last 5 s).")
        for q in queues { w.sample("vigil_queue_out_rate", labels(q), q.recentOut.reduce(0, +) / 5) }
        w.family("worker_jobs_enqueued_total", "counter", "Jobs added to the queue.")
        for q in queues { w.sample("worker_jobs_enqueued_total", [("queue", q.name)], q.enqueued) }
        w.family("worker_jobs_processed_total", "counter", "Jobs finished.")
        for q in queues { w.sample("worker_jobs_processed_total", [("queue", q.name)], q.processed) }
    }

    private func writeProcess(_ p: ProcessState, into w: inout DemoExpositionWriter) {
        w.family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
        w.sample("process_cpu_seconds_total", [], p.cpuSeconds)
        w.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
        w.sample("process_resident_memory_bytes", [], p.residentBytes)
        w.family("process_open_fds", "gauge", "Number of open file descriptors.")
        w.sample("process_open_fds", [], p.openFDs)
        w.family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.")
        w.sample("process_start_time_seconds", [], startEpochSeconds.rounded(.down))
    }
}
