import io, unittest
class Math(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
prog = unittest.main(module=__name__, argv=["x"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=io.StringIO()))
r = prog.result
print(r.testsRun, len(r.failures), len(r.errors))
