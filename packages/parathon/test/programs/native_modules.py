import math, time, os
print(math.cbrt(27), math.erf(0.5), math.erfc(0.3), math.fmod(-7, 3), math.nextafter(1, 2), math.ulp(1.0), math.expm1(1e-10), math.log1p(1e-10))
t = time.gmtime(1234567890)
print(t, t.tm_year, t[0], time.strftime("%Y-%m-%d %H:%M:%S %j %A %B", t), time.mktime(time.localtime(1000000)) == 1000000.0)
print(type(t).__name__, len(t), time.asctime(t), time.monotonic() > 0, time.process_time() >= 0)
print(os.getppid() > 0, os.getuid() >= 0, os.strerror(2), os.uname().sysname, os.cpu_count() >= 1)
