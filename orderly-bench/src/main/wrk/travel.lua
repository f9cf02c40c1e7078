-- wrk script: travel-requirement lookups for random passport/destination pairs.
-- wrk -t2 -c32 -d20s -s orderly-bench/src/main/wrk/travel.lua http://localhost:8080
local codes = {"DEU","FRA","JPN","MAR","USA","BRA","IND","CHN","NGA","MEX","TUR","PHL","EGY","ITA","ESP","GBR",
               "CAN","AUS","KOR","IDN","PAK","BGD","RUS","ZAF","ARG","COL","KEN","ETH","VNM","THA","UKR","POL"}
math.randomseed(20261123)
request = function()
  local p = codes[math.random(#codes)]
  local d = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/travel-requirements?passport=" .. p .. "&destination=" .. d)
end
