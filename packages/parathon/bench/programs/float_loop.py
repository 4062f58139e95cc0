def integrate(n):
    total = 0.0
    x = 0.0
    dx = 1.0 / n
    for i in range(n):
        y = x * x * 0.5 + 3.0 * x - 1.25
        if y > 0.0:
            total += y * dx
        else:
            total -= y * dx
        x += dx
    return total

print("%.10f" % integrate(8000000))
