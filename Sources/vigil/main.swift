import CNcursesw
print("vigil \(vigil_colors())")
