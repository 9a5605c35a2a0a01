-- wrk script of the kyodo benchmark (bench/run.sh). Arguments after "--", each NAME=VALUE:
--   rate=N   fixed arrival rate: N requests per second for each wrk thread (without it: as fast as possible)
--   body=F   POST the content of file F as JSON, with a fresh Idempotency-Key per request
-- At the end it prints one line "WRKJSON {...}" with the counts and the latency percentiles in microseconds.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } kyodo_timeval;
  int gettimeofday(kyodo_timeval *tv, void *tz);
]]
local tv = ffi.new("kyodo_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local threads = {}
local counter = 0
local interval = nil
local next_slot = nil

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for _, arg in ipairs(args) do
    local name, value = arg:match("^(%w+)=(.*)$")
    if name == "rate" then
      interval = 1000 / tonumber(value)
    elseif name == "body" then
      local file = assert(io.open(value, "rb"))
      wrk.method = "POST"
      wrk.body = file:read("*a")
      file:close()
      wrk.headers["Content-Type"] = "application/json"
      idempotent = true
    end
  end
  key_prefix = string.format("bench-%d-%d-%d", os.time(), thread_id or 0, math.random(1, 1000000000))
end

-- Paced runs hand every request the next slot of a fixed schedule, so the arrival rate does not follow the
-- response times (a slow response is followed by requests sent at once, as an open system would send them).
function delay()
  if interval == nil then
    return 0
  end
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval
  if slot <= now then
    return 0
  end
  return slot - now
end

function request()
  if idempotent then
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = key_prefix .. "-" .. counter
  end
  return wrk.format()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"durationUs":%d,"socketErrors":%d,"statusErrors":%d,' ..
      '"timeouts":%d,"p50Us":%d,"p90Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
      summary.requests, summary.duration, e.connect + e.read + e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
      latency.max, latency.mean))
end
