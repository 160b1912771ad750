-- wrk script for intake-throughput: POST /contacts with a new Idempotency-Key per request, the Java client's body
-- template and the gateway's API key from the environment, and the figures printed in a line the bench parses.
local api_key = os.getenv("TIERLINE_BENCH_API_KEY")
local template = os.getenv("TIERLINE_BENCH_BODY")
local run = os.getenv("TIERLINE_BENCH_RUN") or "run"
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  accepted = 0
  other = 0
end

request = function()
  n = n + 1
  local k = tid * 100000000 + n
  local c = k % 50000
  local body = string.format(template, c, c, k)
  return wrk.format("POST", "/contacts", {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = api_key,
    ["Idempotency-Key"] = "wrk-" .. run .. "-" .. k,
  }, body)
end

response = function(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
  end
  io.write(string.format("TIERLINE accepted=%d other=%d errors=%d p50us=%d p99us=%d seconds=%.3f\n", a, o,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50), latency:percentile(99), summary.duration / 1e6))
end
