-- GET scenarios: each request is a random line (a path) of the scenario's request file.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local paths
local headers

setup = common.setup
done = common.done

function init(args)
  paths = common.lines()
  headers = common.headers()
  math.randomseed(1000 + (thread_id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
