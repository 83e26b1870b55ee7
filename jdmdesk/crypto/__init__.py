"""Keys, key wrapping, recovery keys, keyed chains and signatures for the encrypted study file.

Pure Python over ``cryptography`` and ``argon2-cffi``: no Qt, no SQL, no file access. The db
layer stores what these functions produce; nothing here decides where it lives.
"""
