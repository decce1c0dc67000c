"""AR107 async-as-identifier: async used as a variable name."""
async = "a name"
print(async)
