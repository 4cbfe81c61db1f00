-- POST /interactions: a call logged for a random member (a sample line is a member id), with an outcome that has no
-- consequence on the profile, and the bench-load tag by which the runner removes these interactions afterwards (and
-- recomputes the members' last contact).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local members
local headers
local outcomes = { "REACHED", "REACHED", "LEFT_MESSAGE", "INACCESSIBLE" }
local subjects = { "Приглашение на собрание отделения", "Сбор подписей за кандидата", "Опрос о приоритетах района" }

setup = common.setup
done = common.done

function init(args)
  members = common.lines()
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  math.randomseed(3000 + (thread_id or 0))
end

function request()
  local body = string.format(
    '{"memberId":"%s","type":"CALL","channel":"PHONE","direction":"OUTBOUND","durationSeconds":%d,'
      .. '"subject":"%s","outcome":"%s","tags":["bench-load"]}',
    members[math.random(#members)], 30 + math.random(600), subjects[math.random(#subjects)],
    outcomes[math.random(#outcomes)])
  return wrk.format("POST", "/api/v1/interactions", headers, body)
end
