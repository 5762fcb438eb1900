package stack

import "errors"

// ErrEmpty is returned by Pop on an empty stack.
var ErrEmpty = errors.New("stack: empty")

// Stack is a LIFO container.
type Stack[T any] struct {
	items []T
}
