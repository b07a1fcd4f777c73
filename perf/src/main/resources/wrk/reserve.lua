-- Reserves one unit of a random product (ids from the PRODUCTS file) for a new order id each time,
-- from a random zip code, and prints the latency percentiles wrk measured.
local products = {}
local file = io.open(os.getenv("PRODUCTS"), "r")
for line in file:lines() do
  products[#products + 1] = line
end
file:close()

local token = os.getenv("TOKEN")
local counter = 0

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(template, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

setup = function(thread)
  thread:set("seed", math.random(1, 1000000))
end

init = function(args)
  math.randomseed(seed + os.time())
end

request = function()
  local body = string.format(
    '{"order_id":"%s","user_id":"%s","zip_code":"%05d","lines":[{"product_id":"%s","quantity":1}]}',
    uuid(), uuid(), math.random(10000, 40000), products[math.random(#products)])
  return wrk.format("POST", "/v1/reservations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d non2xx=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
