import Foundation

/// Small fixtures made with real encoders and committed, so the core cases run even on a
/// machine without `gzip` or Python: a node_exporter-style exposition compressed by
/// `gzip -9` (with the FNAME header field) and by Python's `zlib.compress(level 9)`.
enum Fixtures {
    static func decode(_ parts: [String]) -> [UInt8] {
        [UInt8](Data(base64Encoded: parts.joined())!)
    }

    static let expositionText = decode([
        "IyBIRUxQIG5vZGVfY3B1X3NlY29uZHNfdG90YWwgU2Vjb25kcyB0aGUgQ1BVcyBzcGVudCBpbiBlYWNoIG1vZGUuCiMgVFlQ",
        "RSBub2RlX2NwdV9zZWNvbmRzX3RvdGFsIGNvdW50ZXIKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjAiLG1vZGU9Imlk",
        "bGUifSA2MjI5MC4xNwpub2RlX2NwdV9zZWNvbmRzX3RvdGFse2NwdT0iMCIsbW9kZT0iaW93YWl0In0gNzQxNzguNzAKbm9k",
        "ZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjAiLG1vZGU9ImlycSJ9IDc5NTE5LjM2Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7",
        "Y3B1PSIwIixtb2RlPSJuaWNlIn0gOTQyNDUuMDMKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjAiLG1vZGU9InNvZnRp",
        "cnEifSA3Mzk4OS44Ngpub2RlX2NwdV9zZWNvbmRzX3RvdGFse2NwdT0iMCIsbW9kZT0ic3RlYWwifSA5MjIzMi41MApub2Rl",
        "X2NwdV9zZWNvbmRzX3RvdGFse2NwdT0iMCIsbW9kZT0ic3lzdGVtIn0gMjkwMC41Mgpub2RlX2NwdV9zZWNvbmRzX3RvdGFs",
        "e2NwdT0iMCIsbW9kZT0idXNlciJ9IDQ2NTYyLjI3Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIxIixtb2RlPSJpZGxl",
        "In0gOTQzMzUuNjcKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjEiLG1vZGU9Imlvd2FpdCJ9IDY0ODk3LjQ2Cm5vZGVf",
        "Y3B1X3NlY29uZHNfdG90YWx7Y3B1PSIxIixtb2RlPSJpcnEifSA5MDA5MC4wNQpub2RlX2NwdV9zZWNvbmRzX3RvdGFse2Nw",
        "dT0iMSIsbW9kZT0ibmljZSJ9IDExMzIwLjYwCm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIxIixtb2RlPSJzb2Z0aXJx",
        "In0gNDY5MDYuOTAKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjEiLG1vZGU9InN0ZWFsIn0gMjQ2NTcuMjgKbm9kZV9j",
        "cHVfc2Vjb25kc190b3RhbHtjcHU9IjEiLG1vZGU9InN5c3RlbSJ9IDU0Mzc2LjA5Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7",
        "Y3B1PSIxIixtb2RlPSJ1c2VyIn0gNTczOTQuMTIKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjIiLG1vZGU9ImlkbGUi",
        "fSAxMzExLjQyCm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIyIixtb2RlPSJpb3dhaXQifSAyMTY3Mi45OApub2RlX2Nw",
        "dV9zZWNvbmRzX3RvdGFse2NwdT0iMiIsbW9kZT0iaXJxIn0gMjc5NDguMjQKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9",
        "IjIiLG1vZGU9Im5pY2UifSA5MTYzNC41NApub2RlX2NwdV9zZWNvbmRzX3RvdGFse2NwdT0iMiIsbW9kZT0ic29mdGlycSJ9",
        "IDc2NTcyLjU1Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIyIixtb2RlPSJzdGVhbCJ9IDE1OTYwLjQyCm5vZGVfY3B1",
        "X3NlY29uZHNfdG90YWx7Y3B1PSIyIixtb2RlPSJzeXN0ZW0ifSA3OTcxNC43MApub2RlX2NwdV9zZWNvbmRzX3RvdGFse2Nw",
        "dT0iMiIsbW9kZT0idXNlciJ9IDEzODc2Ljc0Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIzIixtb2RlPSJpZGxlIn0g",
        "NjE3NDUuMjUKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjMiLG1vZGU9Imlvd2FpdCJ9IDEyNjY5LjkyCm5vZGVfY3B1",
        "X3NlY29uZHNfdG90YWx7Y3B1PSIzIixtb2RlPSJpcnEifSAxNzcuNDkKbm9kZV9jcHVfc2Vjb25kc190b3RhbHtjcHU9IjMi",
        "LG1vZGU9Im5pY2UifSA4NzE0MC40Nwpub2RlX2NwdV9zZWNvbmRzX3RvdGFse2NwdT0iMyIsbW9kZT0ic29mdGlycSJ9IDIw",
        "OTQ1LjY0Cm5vZGVfY3B1X3NlY29uZHNfdG90YWx7Y3B1PSIzIixtb2RlPSJzdGVhbCJ9IDIxNTQ4LjEyCm5vZGVfY3B1X3Nl",
        "Y29uZHNfdG90YWx7Y3B1PSIzIixtb2RlPSJzeXN0ZW0ifSA5ODI0Mi4xMQpub2RlX2NwdV9zZWNvbmRzX3RvdGFse2NwdT0i",
        "MyIsbW9kZT0idXNlciJ9IDg3MjQwLjc4CiMgSEVMUCBnb19nb3JvdXRpbmVzIE51bWJlciBvZiBnb3JvdXRpbmVzIHRoYXQg",
        "Y3VycmVudGx5IGV4aXN0LgojIFRZUEUgZ29fZ29yb3V0aW5lcyBnYXVnZQpnb19nb3JvdXRpbmVzIDQyCg=="
    ])

    static let expositionGzip9 = decode([
        "H4sICN8CDGsCA2ZpeC50eHQAjZVNb9NAEIbv+RWr9IpGO7Pfh55QpR4QigQcOEXG2SaWEru114IK8d+ZBDttIwhz9FqP1/M+",
        "M7s36v7uw0q13Sav68dxPeS6azfDunSl2qtPf55U2WX1fvVlUMNjbotqWpWreqcOTMHiRn3+urr71yfqbmxL7hd/f/2TV26X",
        "evnu+KnbZbPZ5+Uv5YmSBgxCqPteNYWxYDFECFqI9U9HJjlMYLyMaZv6+H/JknWgjQwauocybWZSTBCFmw0lV/vjbkSGwAnL",
        "Gp6ZOzDGEWpwJKPGIffMWO88AV0PHi9sJWuMAy+FZlvexhTAeiF2CpBL4sbQTsZMthANafBaBr3Ysj5pD0nKTbaIMwxAUUjN",
        "tpw1wYNOMmzS5bihLOB1x3ShCw0iWCkz2yL0gSBFIXYKkEKyEcjKmHm20BsLTgi9mi2OnafECbnJFrrktTiNs62QAtr/nTR0",
        "YQtNZMXhemXm8ijEwEcNOSE060LyPkEiIXZKEAOPY5IRk6zIMXB8QQa9yCKduCovjOI8Wui4n1BY1FlWimQJEGXYJCsG4spC",
        "5NvtdEFuu/W267uxNG0e1Mfx8C33qntQrxbLriqqHvuer8j9s8o/mqGcb8e3/LYat3nxdo2b8De2bUXDjQcAAA=="
    ])

    static let expositionZlib9 = decode([
        "eNqNlU1v00AQhu/5Fav0ikY7s9+HnlClHhCKBBw4RcbZJpYSu7XXggrx35kEO20jCHP0Wo/X8z4zuzfq/u7DSrXdJq/rx3E9",
        "5LprN8O6dKXaq09/nlTZZfV+9WVQw2Nui2palat6pw5MweJGff66uvvXJ+pubEvuF39//ZNXbpd6+e74qdtls9nn5S/liZIG",
        "DEKo+141hbFgMUQIWoj1T0cmOUxgvIxpm/r4f8mSdaCNDBq6hzJtZlJMEIWbDSVX++NuRIbACcsanpk7MMYRanAko8Yh98xY",
        "7zwBXQ8eL2wla4wDL4VmW97GFMB6IXYKkEvixtBOxky2EA1p8FoGvdiyPmkPScpNtogzDEBRSM22nDXBg04ybNLluKEs4HXH",
        "dKELDSJYKTPbIvSBIEUhdgqQQrIRyMqYebbQGwtOCL2aLY6dp8QJuckWuuS1OI2zrZAC2v+dNHRhC01kxeF6ZebyKMTARw05",
        "ITTrQvI+QSIhdkoQA49jkhGTrMgxcHxBBr3IIp24Ki+M4jxa6LifUFjUWVaKZAkQZdgkKwbiykLk2+10QW679bbru7E0bR7U",
        "x/HwLfeqe1CvFsuuKqoe+56vyP2zyj+aoZxvx7f8thq3efF2jZvwNx0+kxY="
    ])
}
