class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def reverse(head):
    prev = None
    while head:
        head.next, prev, head = prev, head, head.next
    return prev


head = reverse(Node(1, Node(2, Node(3))))
print(head.value, head.next.value)
