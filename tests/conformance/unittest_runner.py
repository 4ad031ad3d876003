import io, unittest
class T(unittest.TestCase):
    def setUp(self):
        self.xs = [1, 2, 3]
    def test_ok(self):
        self.assertEqual(sum(self.xs), 6)
    def test_in(self):
        self.assertIn(2, self.xs)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
    def test_fail(self):
        self.assertEqual(1, 2)
    def test_error(self):
        raise RuntimeError("boom")
    @unittest.skip("later")
    def test_skip(self):
        pass
suite = unittest.TestLoader().loadTestsFromTestCase(T)
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped))
print(result.wasSuccessful())
print(sorted(t.id().split(".")[-1] for t, _ in result.failures + result.errors))
