"""AR123 set-coroutine-wrapper: sys.set_coroutine_wrapper(), as debugging tools of the time used."""
import sys

sys.set_coroutine_wrapper(None)
print("wrapper:", sys.get_coroutine_wrapper())
