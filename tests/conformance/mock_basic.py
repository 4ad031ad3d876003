from unittest import mock
m = mock.Mock(return_value=3)
print(m(1, k=2))
m.assert_called_once_with(1, k=2)
print(m.call_count, m.call_args == mock.call(1, k=2))
m.method.side_effect = [1, 2, ValueError("v")]
print(m.method(), m.method())
try:
    m.method()
except ValueError:
    print("ValueError")
mm = mock.MagicMock()
mm.__len__.return_value = 5
mm.__getitem__.return_value = "item"
print(len(mm), mm[0])
print(mm.a.b.c is mm.a.b.c)
print(mm.mock_calls == [mock.call.__len__(), mock.call.__getitem__(0)])
