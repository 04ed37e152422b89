"""test_concert.py: the Python package against the library and the CLI.

Each document the package returns must equal what `concert ... --format json` prints for
the same request ($CONCERT_CLI, the tool of the same build); errors must carry the file,
line, column and field of the library's diagnostic; the long-format rows must have the
hand-counted shapes. Run from the source tree: python3 -m unittest discover -s python/tests
"""
import json
import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
import concert  # noqa: E402

SCENARIO = str(ROOT / "scenarios" / "g7-kananaskis-2025.yaml")
G5 = str(ROOT / "tests" / "data" / "measures_g5.yaml")
CLI = os.environ.get("CONCERT_CLI")


def cli(*args):
    out = subprocess.run([CLI, *args, "--format", "json"], check=True, capture_output=True)
    return json.loads(out.stdout)


@unittest.skipUnless(CLI, "CONCERT_CLI not set")
class SameAsCli(unittest.TestCase):
    def test_run(self):
        self.assertEqual(concert.run(SCENARIO), cli("run", SCENARIO))

    def test_run_model_and_protocol(self):
        self.assertEqual(concert.run(SCENARIO, model="median", carve_out=False),
                         cli("run", SCENARIO, "--model", "median", "--set", "carve_out=false"))

    def test_compare(self):
        self.assertEqual(concert.compare(G5),
                         cli("compare", G5, "--no-measures"))

    def test_compare_sweep(self):
        self.assertEqual(concert.compare(G5, runs=30, seed=7),
                         cli("compare", G5, "--runs", "30", "--seed", "7"))

    def test_sweep(self):
        self.assertEqual(concert.sweep(SCENARIO, runs=40, seed=3, threads=2),
                         cli("sweep", SCENARIO, "-n", "40", "--seed", "3"))

    def test_power(self):
        self.assertEqual(concert.power("unsc"), cli("power", "--game", "unsc"))
        self.assertEqual(concert.power("eu27", index="shapley"),
                         cli("power", "--game", "eu27", "--index", "shapley"))

    def test_cohesion(self):
        self.assertEqual(concert.cohesion("USA,CHN,RUS", years=(2015, 2020), issue="hr"),
                         cli("cohesion", "--members", "USA,CHN,RUS", "--years", "2015-2020",
                             "--issue", "hr"))

    def test_history(self):
        self.assertEqual(concert.history("G20", years=(2010, 2012)),
                         cli("history", "--forum", "G20", "--years", "2010-2012"))


class Values(unittest.TestCase):
    def test_version(self):
        self.assertRegex(concert.version(), r"^\d+\.\d+\.\d+$")

    def test_scenario(self):
        s = concert.load(SCENARIO)
        self.assertEqual(s.forums, ["G7"])
        self.assertEqual(concert.load(G5).forums[0], "G5")

    def test_unsc_power(self):
        # 15 players; a permanent member swings in 848 of the 2^14 coalitions of the others.
        doc = concert.power("unsc")
        self.assertEqual(len(doc["rows"]), 15)
        p5 = [r for r in doc["rows"] if r["veto"]]
        self.assertEqual(len(p5), 5)
        self.assertEqual({r["swings"] for r in p5}, {"848"})
        self.assertAlmostEqual(sum(r["banzhaf"] for r in doc["rows"]), 1.0, places=9)


class Errors(unittest.TestCase):
    def test_yaml_error_located(self):
        with self.assertRaises(concert.Error) as cm:
            concert.load(str(ROOT / "tests" / "data" / "bad_chair.yaml"))
        e = cm.exception
        self.assertEqual((e.status, e.line, e.column, e.field),
                         ("ERR_INVALID", 8, 34, "forums[0].chair"))
        self.assertTrue(e.file.endswith("bad_chair.yaml"))
        self.assertIn("bad_chair.yaml:8:34: forums[0].chair:", str(e))

    def test_long_path_whole(self):
        path = "/nonexistent/" + "d" * 700 + ".yaml"
        with self.assertRaises(concert.Error) as cm:
            concert.load(path)
        self.assertEqual(cm.exception.file, path)

    def test_unknown_forum_and_model(self):
        with self.assertRaises(concert.Error) as cm:
            concert.run(SCENARIO, forum="G99")
        self.assertEqual(cm.exception.field, "forum")
        with self.assertRaises(concert.Error) as cm:
            concert.run(SCENARIO, model="nope")
        self.assertEqual(cm.exception.field, "model")

    def test_bad_protocol_value(self):
        with self.assertRaises(concert.Error):
            concert.run(SCENARIO, tolerance=-3)

    def test_bad_members(self):
        with self.assertRaises(concert.Error) as cm:
            concert.cohesion(["USA", "XXX"], years=2020)
        self.assertEqual(cm.exception.status, "ERR_UNKNOWN_ID")


class Rows(unittest.TestCase):
    def test_compare_rows(self):
        doc = concert.compare(G5)
        n_issues = len(doc["forums"][0]["issues"])
        rows = concert.rows(doc)
        self.assertEqual(len(rows), len(doc["forums"]) * n_issues)
        self.assertEqual(list(rows[0])[:2], ["forum", "issue"])

    def test_cohesion_rows(self):
        rows = concert.rows(concert.cohesion("USA,CHN,RUS", years=(2015, 2020)))
        self.assertEqual(len(rows), 6)  # ordered pairs of 3 members
        self.assertEqual({r["member"] for r in rows}, {"USA", "CHN", "RUS"})

    def test_sweep_rows(self):
        doc = concert.sweep(SCENARIO, runs=20)
        self.assertEqual(len(concert.rows(doc)), 10 * 8)  # agenda issues x members

    def test_unknown_schema(self):
        with self.assertRaises(ValueError):
            concert.rows({"schema": "other/1"})

    def test_frame(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                concert.frame(concert.power("unsc"))
            return
        doc = concert.power("unsc")
        df = concert.frame(doc)
        # one row per player, the same values as the document; the five permanent members
        # are the veto players, and the normalized Banzhaf indices sum to 1
        self.assertEqual(df.shape[0], 15)
        self.assertEqual(list(df.columns), list(concert.rows(doc)[0]))
        self.assertEqual(int(df["veto"].sum()), 5)
        self.assertAlmostEqual(float(df["banzhaf"].sum()), 1.0, places=12)
        self.assertEqual(list(df["id"]), [r["id"] for r in doc["rows"]])


if __name__ == "__main__":
    unittest.main()
