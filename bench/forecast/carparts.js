// Loads bench/data/carparts.csv: one row per part, 51 monthly cells, blank = no record.
const fs = require("node:fs")
const path = require("node:path")

function loadCarparts(file = path.join(__dirname, "../data/carparts.csv")) {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.length)
  const header = lines[0].split(",")
  const months = header.slice(1)
  const parts = []
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(",")
    const values = new Float64Array(months.length)
    let complete = true
    for (let j = 0; j < months.length; j++) {
      const c = cells[j + 1]
      if (c === undefined || c === "") {
        complete = false
        values[j] = NaN
      } else values[j] = Number(c)
    }
    parts.push({ id: cells[0], values, complete })
  }
  return { months, parts }
}

module.exports = { loadCarparts }
