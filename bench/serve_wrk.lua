-- wrk script for bench/serve_load.sh: each request picks one of the dashboard's API calls, as the page makes
-- them when a runner browses: the status, a filtered page of the list, one activity, one of its charts.
-- Any non-2xx answer is counted and printed at the end (the bench requires none).
local activities = tonumber(os.getenv("ACTIVITIES") or "1000")
local counter = 0
local failures = 0

request = function()
  counter = counter + 1
  local id = (counter * 7919) % activities + 1
  local kind = counter % 5
  local path
  if kind == 0 then
    path = "/api/status"
  elseif kind == 1 then
    path = "/api/activities?limit=50&min_ascent_m=" .. (counter % 300)
  elseif kind == 2 then
    path = "/api/activities/" .. id
  elseif kind == 3 then
    path = "/api/activities/" .. id .. "/charts/elevation.svg"
  else
    path = "/api/activities?session=hilly_run&limit=20"
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status < 200 or status > 299 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses seen by this thread's script: %d\n", failures))
  io.write("latency percentiles (ms):")
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format(" p%g %.2f", p, latency:percentile(p) / 1000.0))
  end
  io.write(string.format("\nrequests %d, errors connect %d read %d write %d status %d timeout %d\n",
                         summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
                         summary.errors.status, summary.errors.timeout))
end
