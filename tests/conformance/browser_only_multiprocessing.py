try:
    import multiprocessing
    print("imported")
except ImportError as e:
    print(type(e).__name__)
    print("browser" in str(e))
