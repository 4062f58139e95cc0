from datetime import date, datetime, timedelta, timezone
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.strftime("%A %d %B %Y"), d.toordinal())
print(date(2024, 3, 1) - date(2023, 3, 1), (date(2024, 12, 25) - date(2024, 1, 1)).days, date.fromisoformat("2021-07-04"), f"{d:%m/%d/%y}")
dt = datetime(2023, 12, 31, 23, 59, 30)
print(dt, repr(dt), dt + timedelta(seconds=45), dt.date(), dt.time(), dt.isoformat(), dt.strftime("%H:%M:%S %j"))
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5)
print(td, repr(td), td.total_seconds(), td * 2, td // 2, -td, abs(-td), timedelta(hours=36), timedelta(0), timedelta(microseconds=1))
print(datetime.fromisoformat("2020-05-17T08:30:00"), datetime.strptime("2019-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"))
print(sorted([date(2020, 1, 2), date(2019, 5, 1), date(2020, 1, 1)]), date(2020, 1, 1) < date(2020, 1, 2), dt.ctime())
print(datetime(2020, 1, 1, tzinfo=timezone.utc), datetime(2020, 6, 1, 12, 0, tzinfo=timezone.utc).timestamp(), timezone(timedelta(hours=-5)))
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
