-- POST /members: a new supporter built from a random sample line "unitId<TAB>family<TAB>given<TAB>patronymic",
-- with a phone unique to this wrk run, thread and request (Ukrainian landline numbers, which the generator never
-- uses; the area code changes with BENCH_RUN so the warm-up and the measured run do not collide) and the bench-load
-- tag by which the runner removes these members afterwards.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local samples = {}
local headers
local counter = 0
local area_codes = { "44", "57", "32", "48", "56", "61", "62", "43", "47", "35", "36", "37", "41", "46", "51", "52" }
local area

setup = common.setup
done = common.done

function init(args)
  for _, line in ipairs(common.lines()) do
    local unit, family, given, patronymic = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?([^\t]*)$")
    samples[#samples + 1] = { unit = unit, family = family, given = given, patronymic = patronymic }
  end
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  math.randomseed(2000 + (thread_id or 0))
  area = area_codes[(tonumber(os.getenv("BENCH_RUN") or "0") % #area_codes) + 1]
end

function request()
  counter = counter + 1
  local s = samples[math.random(#samples)]
  local phone = string.format("+380%s%d%06d", area, (thread_id or 0) % 10, counter % 1000000)
  local patronymic = ""
  if s.patronymic ~= "" then
    patronymic = string.format('"patronymic":"%s",', s.patronymic)
  end
  local body = string.format(
    '{"orgUnitId":"%s","givenName":"%s",%s"familyName":"%s","status":"SUPPORTER","supportLevel":4,'
      .. '"phones":[{"number":"%s","primary":true}],'
      .. '"consents":[{"channel":"SMS","granted":true,"source":"bench"}],"tags":["bench-load"]}',
    s.unit, s.given, patronymic, s.family, phone)
  return wrk.format("POST", "/api/v1/members", headers, body)
end
