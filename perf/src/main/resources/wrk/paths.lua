-- Requests a random path from the file named by the PATHS environment variable (one per line)
-- and prints the latency percentiles wrk measured.
local paths = {}
local file = io.open(os.getenv("PATHS"), "r")
for line in file:lines() do
  paths[#paths + 1] = line
end
file:close()

local token = os.getenv("TOKEN")

request = function()
  local headers = {}
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d non2xx=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
