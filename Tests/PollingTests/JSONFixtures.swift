/// JSON documents the JSON source tests serve over real HTTP, written into a temporary folder at
/// the paths the real services use.
enum JSONFixtures {
    /// Go's `expvar` handler output (`/debug/vars`), captured from Go 1.19 with two vars of our own
    /// (`requests`, a map `queues`); only the command line was changed.
    static let debugVars = #"""
{
"cmdline": ["/usr/local/bin/orders-api"],
"memstats": {"Alloc":124696,"TotalAlloc":124696,"Sys":12696592,"Lookups":0,"Mallocs":674,"Frees":11,"HeapAlloc":124696,"HeapSys":3899392,"HeapIdle":3203072,"HeapInuse":696320,"HeapReleased":3170304,"HeapObjects":663,"StackInuse":294912,"StackSys":294912,"MSpanInuse":21168,"MSpanSys":32544,"MCacheInuse":2400,"MCacheSys":15600,"BuckHashSys":3792,"GCSys":7975408,"OtherSys":474944,"NextGC":4194304,"LastGC":0,"PauseTotalNs":0,"PauseNs":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"PauseEnd":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"NumGC":0,"NumForcedGC":0,"GCCPUFraction":0,"EnableGC":true,"DebugGC":false,"BySize":[{"Size":0,"Mallocs":0,"Frees":0},{"Size":8,"Mallocs":18,"Frees":0},{"Size":16,"Mallocs":294,"Frees":0},{"Size":24,"Mallocs":33,"Frees":0},{"Size":32,"Mallocs":33,"Frees":0},{"Size":48,"Mallocs":97,"Frees":0},{"Size":64,"Mallocs":23,"Frees":0},{"Size":80,"Mallocs":12,"Frees":0},{"Size":96,"Mallocs":11,"Frees":0},{"Size":112,"Mallocs":3,"Frees":0},{"Size":128,"Mallocs":4,"Frees":0},{"Size":144,"Mallocs":1,"Frees":0},{"Size":160,"Mallocs":17,"Frees":0},{"Size":176,"Mallocs":6,"Frees":0},{"Size":192,"Mallocs":0,"Frees":0},{"Size":208,"Mallocs":24,"Frees":0},{"Size":224,"Mallocs":1,"Frees":0},{"Size":240,"Mallocs":0,"Frees":0},{"Size":256,"Mallocs":11,"Frees":0},{"Size":288,"Mallocs":3,"Frees":0},{"Size":320,"Mallocs":3,"Frees":0},{"Size":352,"Mallocs":9,"Frees":0},{"Size":384,"Mallocs":0,"Frees":0},{"Size":416,"Mallocs":21,"Frees":0},{"Size":448,"Mallocs":0,"Frees":0},{"Size":480,"Mallocs":0,"Frees":0},{"Size":512,"Mallocs":0,"Frees":0},{"Size":576,"Mallocs":1,"Frees":0},{"Size":640,"Mallocs":4,"Frees":0},{"Size":704,"Mallocs":5,"Frees":0},{"Size":768,"Mallocs":0,"Frees":0},{"Size":896,"Mallocs":2,"Frees":0},{"Size":1024,"Mallocs":6,"Frees":0},{"Size":1152,"Mallocs":2,"Frees":0},{"Size":1280,"Mallocs":3,"Frees":0},{"Size":1408,"Mallocs":1,"Frees":0},{"Size":1536,"Mallocs":0,"Frees":0},{"Size":1792,"Mallocs":6,"Frees":0},{"Size":2048,"Mallocs":0,"Frees":0},{"Size":2304,"Mallocs":1,"Frees":0},{"Size":2688,"Mallocs":2,"Frees":0},{"Size":3072,"Mallocs":0,"Frees":0},{"Size":3200,"Mallocs":0,"Frees":0},{"Size":3456,"Mallocs":0,"Frees":0},{"Size":4096,"Mallocs":1,"Frees":0},{"Size":4864,"Mallocs":0,"Frees":0},{"Size":5376,"Mallocs":1,"Frees":0},{"Size":6144,"Mallocs":1,"Frees":0},{"Size":6528,"Mallocs":0,"Frees":0},{"Size":6784,"Mallocs":0,"Frees":0},{"Size":6912,"Mallocs":0,"Frees":0},{"Size":8192,"Mallocs":1,"Frees":0},{"Size":9472,"Mallocs":2,"Frees":0},{"Size":9728,"Mallocs":0,"Frees":0},{"Size":10240,"Mallocs":0,"Frees":0},{"Size":10880,"Mallocs":0,"Frees":0},{"Size":12288,"Mallocs":0,"Frees":0},{"Size":13568,"Mallocs":0,"Frees":0},{"Size":14336,"Mallocs":0,"Frees":0},{"Size":16384,"Mallocs":0,"Frees":0},{"Size":18432,"Mallocs":0,"Frees":0}]},
"queues": {"emails": 7, "reports": 0},
"requests": 42
}
"""#

    /// Spring Boot actuator `/actuator/metrics/jvm.memory.used`, in the shape Spring's API docs show.
    static let actuatorJVMMemoryUsed = #"""
{
  "name" : "jvm.memory.used",
  "description" : "The amount of used memory",
  "baseUnit" : "bytes",
  "measurements" : [ {
    "statistic" : "VALUE",
    "value" : 1.38936864E8
  } ],
  "availableTags" : [ {
    "tag" : "area",
    "values" : [ "heap", "nonheap" ]
  }, {
    "tag" : "id",
    "values" : [ "G1 Old Gen", "CodeHeap 'non-profiled nmethods'", "G1 Survivor Space", "Compressed Class Space", "Metaspace", "G1 Eden Space" ]
  } ]
}
"""#

    /// `/actuator/metrics/http.server.requests`: a timer with several statistics.
    static let actuatorHTTPRequests = #"""
{"name":"http.server.requests","baseUnit":"seconds","measurements":[{"statistic":"COUNT","value":1507.0},{"statistic":"TOTAL_TIME","value":12.583116},{"statistic":"MAX","value":0.052}],"availableTags":[{"tag":"method","values":["GET","POST"]},{"tag":"status","values":["200","404"]}]}
"""#

    /// Spring Boot actuator `/actuator/health` with details shown.
    static let actuatorHealth = #"""
{
  "status" : "DOWN",
  "components" : {
    "db" : { "status" : "UP", "details" : { "database" : "PostgreSQL", "validationQuery" : "isValid()" } },
    "diskSpace" : { "status" : "UP", "details" : { "total" : 499963174912, "free" : 91300110336, "threshold" : 10485760, "path" : "/app/.", "exists" : true } },
    "ping" : { "status" : "UP" },
    "redis" : { "status" : "DOWN", "details" : { "error" : "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis" } },
    "mail" : { "status" : "OUT_OF_SERVICE" }
  }
}
"""#

    /// A home-grown service health document: checks in an array, queue depths as strings.
    static let serviceHealth = #"""
{
  "service": "billing",
  "version": "2.14.1",
  "healthy": true,
  "uptime_seconds": "86400.5",
  "checks": [
    {"name": "postgres", "ok": true, "latency_ms": 3.2},
    {"name": "stripe", "ok": false, "latency_ms": 1200},
    {"name": "cache", "ok": true, "latency_ms": null}
  ],
  "queues": [
    {"name": "invoices", "depth": "17", "consumers": 2},
    {"name": "refunds", "depth": "0", "consumers": 1}
  ]
}
"""#
}
