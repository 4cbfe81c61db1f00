-- PATCH /tasks/{id}: moves a random card of the load's caller (a sample line is a card id) to one of the three
-- middle stages of the member-question pipeline, at the end of that column — the card's rank is one new string, the
-- column is not renumbered. No If-Match: two moves of one card apply one after the other, both in its history.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local cards
local headers
local stages = { "assigned", "in-progress", "answered" }

setup = common.setup
done = common.done

function init(args)
  cards = common.lines()
  headers = common.headers()
  headers["Content-Type"] = "application/merge-patch+json"
  math.randomseed(4000 + (thread_id or 0))
end

function request()
  local body = string.format('{"stage":"%s"}', stages[math.random(#stages)])
  return wrk.format("PATCH", "/api/v1/tasks/" .. cards[math.random(#cards)], headers, body)
end
