-- Shared by the scenario scripts: the API key header, the request lines the runner wrote for this scenario, and a
-- done() that prints one JSON line the runner parses. Configured through the environment:
--   BENCH_KEY       the API key secret
--   BENCH_REQUESTS  a file of request lines (paths, or what a script builds bodies from), one per line
local common = {}

function common.lines()
  local path = os.getenv("BENCH_REQUESTS")
  local lines = {}
  local file = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in file:lines() do
    if line ~= "" then
      lines[#lines + 1] = line
    end
  end
  file:close()
  assert(#lines > 0, "no request lines in " .. path)
  return lines
end

function common.headers()
  return { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY"), ["Accept"] = "application/json" }
end

-- Every wrk thread picks differently, but the same way in every run.
local next_thread = 0
function common.setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end

return common
