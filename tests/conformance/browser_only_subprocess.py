import subprocess
try:
    subprocess.run(["echo", "hi"], capture_output=True)
    print("ran")
except Exception as e:
    print(type(e).__name__)
