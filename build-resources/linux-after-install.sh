#!/bin/sh
# Runs as root after the .deb is installed. It does not add users to dialout on its own
# (that is the admin's decision); the in-app troubleshooting guide explains both steps.
echo "Chispa: to use Arduino boards, add each user to the 'dialout' group: sudo usermod -aG dialout <user>"
exit 0
